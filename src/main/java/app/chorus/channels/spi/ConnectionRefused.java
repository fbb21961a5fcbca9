package app.chorus.channels.spi;

/**
 * The network would not connect the account. {@code field} names the input at fault ({@code handle},
 * {@code appPassword}, {@code pdsUrl}, {@code instanceUrl}) and {@code reasonKey} is a message key saying why.
 */
public class ConnectionRefused extends RuntimeException {

	private final String field;
	private final String reasonKey;

	public ConnectionRefused(String field, String reasonKey, String detail) {
		super(detail);
		this.field = field;
		this.reasonKey = reasonKey;
	}

	public String field() {
		return field;
	}

	public String reasonKey() {
		return reasonKey;
	}
}
