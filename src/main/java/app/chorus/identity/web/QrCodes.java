package app.chorus.identity.web;

import io.nayuki.qrcodegen.QrCode;

/** An SVG QR code for an otpauth URI, drawn as one path so it stays small and sharp at any size. */
final class QrCodes {

	private QrCodes() {
	}

	static String svg(String text) {
		QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int border = 4;
		int size = qr.size + border * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" width=\"220\" height=\"220\" role=\"img\" shape-rendering=\"crispEdges\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
	}
}
