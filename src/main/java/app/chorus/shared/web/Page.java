package app.chorus.shared.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A list answer: the items and the cursor for the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, @Nullable String next) {

	public static <T> Page<T> of(List<T> items) {
		return new Page<>(items, null);
	}
}
