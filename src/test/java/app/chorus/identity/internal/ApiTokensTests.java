package app.chorus.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import app.chorus.identity.TokenScope;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

class ApiTokensTests {

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	@Test
	void aTokensUseIsRecordedWhenNeverRecordedOrMoreThanAMinuteAgo() {
		assertThat(ApiTokens.touchDue(used(null), NOW)).isTrue();
		assertThat(ApiTokens.touchDue(used(NOW.minusSeconds(61)), NOW)).isTrue();
		assertThat(ApiTokens.touchDue(used(NOW.minusSeconds(60)), NOW)).isFalse();
		assertThat(ApiTokens.touchDue(used(NOW.minusSeconds(5)), NOW)).isFalse();
	}

	private static ApiTokens.TokenRow used(@Nullable Instant lastUsedAt) {
		return new ApiTokens.TokenRow(UUID.randomUUID(), new UserId(UUID.randomUUID()),
				new WorkspaceId(UUID.randomUUID()), "ci", "chorus_ab", EnumSet.allOf(TokenScope.class),
				NOW.minusSeconds(3600), NOW.plusSeconds(3600), lastUsedAt, null);
	}
}
