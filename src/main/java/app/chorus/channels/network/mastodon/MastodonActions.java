package app.chorus.channels.network.mastodon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.MetricsReading.PostMetrics;
import app.chorus.channels.spi.Moderating.Action;
import app.chorus.channels.spi.PublicProfileReading.PublicProfile;
import app.chorus.channels.spi.RemotePostRef;

/** Deleting statuses, counting them, blocking, muting and reporting accounts, and reading public profiles. */
final class MastodonActions {

	private final MastodonClient client;

	MastodonActions(MastodonClient client) {
		this.client = client;
	}

	/** {@code DELETE /api/v1/statuses/:id}; a status already gone (404) counts as deleted. */
	void delete(ChannelSession session, String statusId) {
		MastodonClient.Answer answer = MastodonAnswers.call(() -> client.delete(
				MastodonClient.uri(session.endpoint(), "/api/v1/statuses/{id}", Map.of("id", statusId), noQuery()),
				session.credentials().accessToken()));
		if (answer.status() == 404 || answer.status() == 410) {
			return;
		}
		MastodonAnswers.require(session, answer, "delete status " + statusId);
	}

	/** {@code GET /api/v1/statuses/:id} for each; statuses the instance no longer has are left out. */
	Map<String, PostMetrics> metrics(ChannelSession session, List<RemotePostRef> posts) {
		Map<String, PostMetrics> metrics = new LinkedHashMap<>();
		for (RemotePostRef post : posts) {
			MastodonClient.Answer answer = MastodonAnswers.call(() -> client.get(
					MastodonClient.uri(session.endpoint(), "/api/v1/statuses/{id}", Map.of("id", post.id()), noQuery()),
					session.credentials().accessToken()));
			if (answer.status() == 404 || answer.status() == 410) {
				continue;
			}
			MastodonAnswers.require(session, answer, "status " + post.id());
			MastodonStatus status = MastodonAnswers.parse(session,
					() -> MastodonJson.read(answer.body(), MastodonStatus.class));
			long quotes = status.quotesCount() == null ? -1 : status.quotesCount();
			metrics.put(post.id(), new PostMetrics(status.favouritesCount(), status.reblogsCount(),
					status.repliesCount(), quotes, -1));
		}
		return metrics;
	}

	/**
	 * {@code BLOCK} and {@code MUTE}: {@code POST /api/v1/accounts/:id/block|mute}; {@code REPORT}:
	 * {@code POST /api/v1/reports} for the account, with the note as its comment (Mastodon keeps up to 1,000 characters);
	 * {@code DELETE}: one of the channel's own statuses.
	 */
	void moderate(ChannelSession session, Action action, String target, @Nullable String note) {
		switch (action) {
			case BLOCK -> accountAction(session, target, "block");
			case MUTE -> accountAction(session, target, "mute");
			case REPORT -> {
				MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
				form.add("account_id", target);
				if (note != null && !note.isBlank()) {
					form.add("comment", note.strip());
				}
				MastodonAnswers.fetch(session, "report account " + target,
						() -> client.postForm(MastodonClient.uri(session.endpoint(), "/api/v1/reports"),
								session.credentials().accessToken(), form));
			}
			case DELETE -> delete(session, target);
			case HIDE -> throw new UnsupportedOperationException("Mastodon cannot hide replies to a status");
		}
	}

	private void accountAction(ChannelSession session, String accountId, String action) {
		MastodonAnswers.fetch(session, action + " account " + accountId,
				() -> client.postForm(MastodonClient.uri(session.endpoint(), "/api/v1/accounts/{id}/" + action,
						Map.of("id", accountId), noQuery()), session.credentials().accessToken(),
						new LinkedMultiValueMap<>()));
	}

	/**
	 * An account id (digits) is read directly; a handle ({@code name}, {@code @name@domain}) is looked up with
	 * {@code GET /api/v1/accounts/lookup?acct=}, which finds accounts the instance knows.
	 * @throws NoSuchElementException when the instance knows no such account
	 */
	PublicProfile profile(ChannelSession session, String handleOrId) {
		String wanted = handleOrId.strip();
		MastodonClient.Answer answer;
		if (wanted.chars().allMatch(Character::isDigit) && !wanted.isEmpty()) {
			answer = MastodonAnswers.fetch(session, "account " + wanted, () -> client.get(
					MastodonClient.uri(session.endpoint(), "/api/v1/accounts/{id}", Map.of("id", wanted), noQuery()),
					session.credentials().accessToken()));
		}
		else {
			String acct = wanted.startsWith("@") ? wanted.substring(1) : wanted;
			MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
			query.add("acct", acct);
			answer = MastodonAnswers.fetch(session, "account " + acct, () -> client.get(
					MastodonClient.uri(session.endpoint(), "/api/v1/accounts/lookup", Map.of(), query),
					session.credentials().accessToken()));
		}
		MastodonAccount account = MastodonAnswers.parse(session,
				() -> MastodonJson.read(answer.body(), MastodonAccount.class));
		String description = StatusHtml.toPlainText(account.note());
		return new PublicProfile(account.id(), account.handle(InstanceUrl.handleDomain(session)),
				account.displayNameOrNull(), description.isEmpty() ? null : description, account.followersCount(),
				account.followingCount(), account.statusesCount());
	}

	private static MultiValueMap<String, String> noQuery() {
		return new LinkedMultiValueMap<>();
	}
}
