package app.chorus.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body as a browser sends a form with a file. */
public record Multipart(String boundary, byte[] body) {

	public static Multipart of(Map<String, String> fields, String fileField, String fileName, String claimedType,
			byte[] file) {
		String boundary = "----chorus-" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(file);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Multipart(boundary, out.toByteArray());
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	public HttpRequest.BodyPublisher publisher() {
		return HttpRequest.BodyPublishers.ofByteArray(body);
	}
}
