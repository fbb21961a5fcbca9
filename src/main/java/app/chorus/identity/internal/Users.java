package app.chorus.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.identity.UserAccount;
import app.chorus.shared.ids.UserId;

/** The accounts table. Secrets (the password hash here, TOTP secrets in {@link TotpSecrets}) stay in this package. */
@Repository
class Users {

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account with its secrets, for the login and 2FA code in this package only. */
	record StoredUser(UserAccount account, String passwordHash, boolean disabled) {
	}

	void insert(UserAccount account, String passwordHash, Instant now) {
		jdbc.sql("""
				insert into identity.users (id, email, display_name, password_hash, locale, time_zone,
				    password_changed_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(account.id().value(), account.email(), account.displayName(), passwordHash,
					account.locale().toLanguageTag(), account.timeZone().getId(), Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from identity.users)").query(Boolean.class).single();
	}

	boolean emailTaken(String email) {
		return jdbc.sql("select exists (select 1 from identity.users where email = ?)").param(email)
			.query(Boolean.class).single();
	}

	Optional<StoredUser> byEmail(String email) {
		return jdbc.sql("select * from identity.users where email = ?").param(email).query(Users::stored).optional();
	}

	Optional<StoredUser> byId(UserId id) {
		return jdbc.sql("select * from identity.users where id = ?").param(id.value()).query(Users::stored).optional();
	}

	List<UserAccount> byIds(Collection<UserId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID[] values = ids.stream().map(UserId::value).toArray(UUID[]::new);
		return jdbc.sql("select * from identity.users where id = any(?)").param(values)
			.query((rs, n) -> stored(rs, n).account()).list();
	}

	void updatePassword(UserId id, String passwordHash, Instant now) {
		jdbc.sql("update identity.users set password_hash = ?, password_changed_at = ? where id = ?")
			.params(passwordHash, Timestamp.from(now), id.value()).update();
	}

	void updateProfile(UserId id, String displayName, Locale locale, ZoneId zone) {
		jdbc.sql("update identity.users set display_name = ?, locale = ?, time_zone = ? where id = ?")
			.params(displayName, locale.toLanguageTag(), zone.getId(), id.value()).update();
	}

	void updateLocale(UserId id, Locale locale) {
		jdbc.sql("update identity.users set locale = ? where id = ?").params(locale.toLanguageTag(), id.value())
			.update();
	}

	void disableTotp(UserId id) {
		jdbc.sql("""
				update identity.users
				set totp_secret = null, totp_secret_sealed = null, totp_key_id = null, totp_enabled_at = null,
				    totp_last_step = null
				where id = ?""")
			.param(id.value()).update();
	}

	/**
	 * Records the time step of an accepted code; false when that step (or a later one) was already used, so a code seen
	 * over someone's shoulder cannot be replayed.
	 */
	boolean spendTotpStep(UserId id, long step) {
		return jdbc.sql("""
				update identity.users set totp_last_step = ?
				where id = ? and (totp_last_step is null or totp_last_step < ?)""")
			.params(step, id.value(), step).update() == 1;
	}

	static StoredUser stored(ResultSet rs, int row) throws SQLException {
		UserAccount account = new UserAccount(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
				rs.getString("display_name"), Locale.forLanguageTag(rs.getString("locale")),
				ZoneId.of(rs.getString("time_zone")), rs.getTimestamp("totp_enabled_at") != null,
				rs.getTimestamp("created_at").toInstant());
		return new StoredUser(account, rs.getString("password_hash"), rs.getTimestamp("disabled_at") != null);
	}
}
