package app.chorus.shared.ids;

import java.util.UUID;

/** A tenant: every piece of a team's data belongs to exactly one workspace. */
public record WorkspaceId(UUID value) {

	public static WorkspaceId next() {
		return new WorkspaceId(Ids.next());
	}

	public static WorkspaceId of(String value) {
		return new WorkspaceId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
