package app.chorus.channels.network.bluesky;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Finds an account's PDS from its DID document: {@code did:plc} documents come from the PLC directory
 * ({@code <plc>/<did>}), {@code did:web} documents from {@code https://<host>/.well-known/did.json}. The PDS is the
 * service with id {@code #atproto_pds} and type {@code AtprotoPersonalDataServer}.
 */
final class DidDocuments {

	private final Xrpc xrpc;

	DidDocuments(Xrpc xrpc) {
		this.xrpc = xrpc;
	}

	/**
	 * The PDS endpoint (without a trailing slash), or null when the document names none.
	 * @throws XrpcException when the document could not be read
	 * @throws IllegalArgumentException for a DID method AT Protocol does not use
	 */
	@Nullable String pdsEndpoint(String did, String plcUrl) {
		return pdsIn(xrpc.document(documentUrl(did, plcUrl), "DID document of " + did), did);
	}

	/** The PDS endpoint a DID document names (without a trailing slash), or null when it names none. */
	static @Nullable String pdsIn(JsonNode document, String did) {
		for (JsonNode service : document.path("service")) {
			String id = service.path("id").asString("");
			if ((id.equals("#atproto_pds") || id.equals(did + "#atproto_pds"))
					&& service.path("type").asString("").equals("AtprotoPersonalDataServer")
					&& service.path("serviceEndpoint").isString()) {
				return stripSlash(service.path("serviceEndpoint").stringValue());
			}
		}
		return null;
	}

	static URI documentUrl(String did, String plcUrl) {
		if (did.startsWith("did:plc:")) {
			return URI.create(stripSlash(plcUrl) + "/" + did);
		}
		if (did.startsWith("did:web:")) {
			String host = URLDecoder.decode(did.substring("did:web:".length()), StandardCharsets.UTF_8);
			if (host.isEmpty() || host.contains(":") && !host.matches("[^:]+:\\d+")) {
				throw new IllegalArgumentException("AT Protocol uses did:web for host names only: " + did);
			}
			return URI.create("https://" + host + "/.well-known/did.json");
		}
		throw new IllegalArgumentException("not a DID method AT Protocol uses: " + did);
	}

	static String stripSlash(String url) {
		String stripped = url.strip();
		while (stripped.endsWith("/")) {
			stripped = stripped.substring(0, stripped.length() - 1);
		}
		return stripped;
	}
}
