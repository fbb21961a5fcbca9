package app.chorus.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import app.chorus.support.BlueskyAnswers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Bluesky PDS that records: the XRPC methods Chorus calls to connect an account with an app password
 * ({@code createSession}, {@code getProfile}) and to publish ({@code createRecord}, and {@code getRecord} when it
 * checks for a record written before), answered as the lexicons describe them, on loopback. Every record written is
 * kept with the instant it arrived, taken before anything else is done with the request. The JDK's HTTP server on
 * virtual threads: each request costs a JSON parse and a map entry, far less than Chorus spends making it.
 * <p>
 * It also keeps each account's notifications ({@link #notify}) and answers
 * {@code app.bsky.notification.listNotifications} with them, newest first, {@code limit} at a time, with a cursor to
 * the older ones; the account is the one whose access token asks. The first time a notification goes out in an answer
 * is kept ({@link #firstServed}): that is when its page reached Chorus.
 */
final class RecordingPds implements AutoCloseable {

	/** One createRecord as it arrived. */
	record Write(Instant arrived, String repo, String rkey, String text) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String CID = "bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";

	private final HttpServer server;
	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
	private final Map<String, String> didOfHandle = new ConcurrentHashMap<>();
	private final Map<String, JsonNode> records = new ConcurrentHashMap<>();
	private final Queue<Write> writes = new ConcurrentLinkedQueue<>();
	private final Map<String, Instant> firstArrivalOfText = new ConcurrentHashMap<>();
	private final Map<String, String> didOfToken = new ConcurrentHashMap<>();
	/** Per account: notifications by (indexedAt, uri), newest first. */
	private final Map<String, ConcurrentSkipListMap<FeedKey, Map<String, Object>>> feeds = new ConcurrentHashMap<>();
	private final Map<String, Instant> firstServed = new ConcurrentHashMap<>();
	private final java.util.concurrent.atomic.AtomicLong pagesServed = new java.util.concurrent.atomic.AtomicLong();

	/** Where a notification sits in a feed: newest first, then by uri. */
	private record FeedKey(Instant indexedAt, String uri) implements Comparable<FeedKey> {

		@Override
		public int compareTo(FeedKey other) {
			int byTime = other.indexedAt.compareTo(indexedAt);
			return byTime != 0 ? byTime : other.uri.compareTo(uri);
		}

		String cursor() {
			return indexedAt + "|" + uri;
		}

		static FeedKey of(String cursor) {
			int bar = cursor.indexOf('|');
			return new FeedKey(Instant.parse(cursor.substring(0, bar)), cursor.substring(bar + 1));
		}
	}

	private RecordingPds() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		server.setExecutor(threads);
		server.createContext("/xrpc/", this::handle);
		server.start();
	}

	static RecordingPds start() throws IOException {
		return new RecordingPds();
	}

	String url() {
		return "http://localhost:" + server.getAddress().getPort();
	}

	/** Every write so far, in arrival order. */
	List<Write> writes() {
		return List.copyOf(writes);
	}

	/** The account connected under this handle (after Chorus signed in as it). */
	String did(String handle) {
		return didOfHandle.get(handle);
	}

	/**
	 * Adds a notification to the account's feed: {@code author} mentioned it in post {@code rkey}, indexed now.
	 * @return the notification's uri
	 */
	String notify(String did, String author, String rkey, String text) {
		Instant now = Instant.now();
		String uri = "at://" + author + "/app.bsky.feed.post/" + rkey;
		Map<String, Object> notification = Map.of("uri", uri, "cid", CID, "reason", "mention", "isRead", false,
				"indexedAt", now.toString(), "labels", List.of(),
				"author", Map.of("did", author, "handle", rkey.substring(0, 4) + ".fans.test", "displayName",
						"Fan " + rkey.substring(0, 4), "viewer", Map.of(), "labels", List.of()),
				"record", Map.of("$type", "app.bsky.feed.post", "text", text, "createdAt", now.toString()));
		feeds.computeIfAbsent(did, d -> new ConcurrentSkipListMap<>()).put(new FeedKey(now, uri), notification);
		return uri;
	}

	/** When each notification first went out in an answer to Chorus, by uri. */
	Map<String, Instant> firstServed() {
		return Map.copyOf(firstServed);
	}

	long pagesServed() {
		return pagesServed.get();
	}

	/** How many different post texts have arrived. */
	int distinctTexts() {
		return firstArrivalOfText.size();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Instant arrived = Instant.now();
		try (exchange) {
			String method = exchange.getRequestURI().getPath().substring("/xrpc/".length());
			switch (method) {
				case "com.atproto.server.createSession" -> createSession(exchange);
				case "app.bsky.actor.getProfile" -> getProfile(exchange);
				case "com.atproto.repo.createRecord" -> createRecord(exchange, arrived);
				case "com.atproto.repo.getRecord" -> getRecord(exchange);
				case "app.bsky.notification.listNotifications" -> listNotifications(exchange);
				case "app.bsky.feed.getAuthorFeed" -> getAuthorFeed(exchange);
				default -> answer(exchange, 404, Map.of("error", "MethodNotImplemented", "message", method));
			}
		}
	}

	private void createSession(HttpExchange exchange) throws IOException {
		String handle = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("identifier").asString();
		String did = didOfHandle.computeIfAbsent(handle, h -> BlueskyAnswers.newDid());
		Instant now = Instant.now();
		String access = BlueskyAnswers.jwt("access", now.plusSeconds(4 * 3600));
		didOfToken.put(access, did);
		answer(exchange, 200, Map.of("did", did, "handle", handle, "active", true,
				"accessJwt", access,
				"refreshJwt", BlueskyAnswers.jwt("refresh", now.plusSeconds(30 * 86400)),
				"didDoc", Map.of("id", did, "service", List.of(Map.of("id", "#atproto_pds", "type",
						"AtprotoPersonalDataServer", "serviceEndpoint", url())))));
	}

	private void getProfile(HttpExchange exchange) throws IOException {
		String did = query(exchange).getOrDefault("actor", "");
		String handle = didOfHandle.entrySet().stream().filter(e -> e.getValue().equals(did)).map(Map.Entry::getKey)
			.findFirst().orElse(did);
		answer(exchange, 200, Map.of("did", did, "handle", handle, "displayName", handle, "followersCount", 0));
	}

	private void createRecord(HttpExchange exchange, Instant arrived) throws IOException {
		JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
		String repo = body.path("repo").asString();
		String rkey = body.path("rkey").asString();
		String text = body.path("record").path("text").asString();
		// the record first: the author feed lists the writes with their records
		records.putIfAbsent(repo + "/" + rkey, body.path("record"));
		writes.add(new Write(arrived, repo, rkey, text));
		firstArrivalOfText.putIfAbsent(text, arrived);
		answer(exchange, 200, Map.of("uri", "at://" + repo + "/app.bsky.feed.post/" + rkey, "cid", CID,
				"commit", Map.of("cid", CID, "rev", "3lbenchrev222"), "validationStatus", "valid"));
	}

	/** The actor's posts written here, newest first, without replies (nobody answers them in these benchmarks). */
	private void getAuthorFeed(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		String did = query.getOrDefault("actor", "");
		int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
		String handle = didOfHandle.entrySet().stream().filter(e -> e.getValue().equals(did)).map(Map.Entry::getKey)
			.findFirst().orElse(did);
		List<Write> theirs = new ArrayList<>(writes.stream().filter(write -> write.repo().equals(did)).toList());
		Collections.reverse(theirs);
		List<Map<String, Object>> feed = theirs.stream()
			.limit(limit)
			.map(write -> Map.<String, Object>of("post", Map.of("uri",
					"at://" + did + "/app.bsky.feed.post/" + write.rkey(), "cid", CID, "author",
					Map.of("did", did, "handle", handle), "record", records.get(did + "/" + write.rkey()),
					"indexedAt", write.arrived().toString(), "replyCount", 0)))
			.toList();
		answer(exchange, 200, Map.of("feed", feed));
	}

	private void listNotifications(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String did = authorization == null ? null : didOfToken.get(authorization.replaceFirst("^Bearer ", ""));
		if (did == null) {
			answer(exchange, 401, Map.of("error", "AuthenticationRequired", "message", "no such session"));
			return;
		}
		Map<String, String> query = query(exchange);
		int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
		ConcurrentSkipListMap<FeedKey, Map<String, Object>> feed = feeds.getOrDefault(did,
				new ConcurrentSkipListMap<>());
		java.util.NavigableMap<FeedKey, Map<String, Object>> from = query.containsKey("cursor")
				? feed.tailMap(FeedKey.of(query.get("cursor")), false) : feed;
		List<Map<String, Object>> page = new java.util.ArrayList<>(limit);
		FeedKey last = null;
		for (Map.Entry<FeedKey, Map<String, Object>> entry : from.entrySet()) {
			if (page.size() == limit) {
				break;
			}
			page.add(entry.getValue());
			last = entry.getKey();
		}
		Map<String, Object> body = new HashMap<>(Map.of("notifications", page, "seenAt", Instant.now().toString()));
		if (last != null && page.size() == limit) {
			body.put("cursor", last.cursor());
		}
		byte[] bytes = JSON.writeValueAsBytes(body);
		Instant sent = Instant.now();
		for (Map<String, Object> notification : page) {
			firstServed.putIfAbsent((String) notification.get("uri"), sent);
		}
		pagesServed.incrementAndGet();
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private void getRecord(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		JsonNode record = records.get(query.get("repo") + "/" + query.get("rkey"));
		if (record == null) {
			answer(exchange, 400, Map.of("error", "RecordNotFound", "message", "Could not locate record"));
			return;
		}
		answer(exchange, 200, Map.of("uri", "at://" + query.get("repo") + "/app.bsky.feed.post/" + query.get("rkey"),
				"cid", CID, "value", record));
	}

	private static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> params = new HashMap<>();
		String raw = URI.create(exchange.getRequestURI().toString()).getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return params;
	}

	private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
