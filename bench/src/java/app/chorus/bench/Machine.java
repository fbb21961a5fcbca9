package app.chorus.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The machine a benchmark ran on, as its report names it. */
final class Machine {

	private Machine() {
	}

	static String describe() {
		return String.format(Locale.ROOT, "%d cores, %d GiB memory, %s %s, JDK %s (%s), heap max %d MiB",
				Runtime.getRuntime().availableProcessors(), memoryGiB(), System.getProperty("os.name"),
				System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vendor"),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	private static long memoryGiB() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
		}
		return -1;
	}
}
