package app.chorus.channels.network.linkpreview;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a link preview may reach when private addresses are not allowed: only those routed on the public
 * internet. Besides what {@link InetAddress} classifies (loopback, link-local, site-local, multicast, unspecified)
 * this refuses ranges it does not know: IPv6 unique local addresses ({@code fc00::/7}, where {@code fd00:ec2::254}
 * serves cloud instance metadata), carrier-grade NAT ({@code 100.64.0.0/10}), "this network" ({@code 0.0.0.0/8}),
 * the reserved {@code 240.0.0.0/4} with the broadcast address, and IPv6 addresses that carry an IPv4 one (IPv4
 * compatible, NAT64 {@code 64:ff9b::/96}) when the carried address is itself not public.
 */
final class PublicAddresses {

	private PublicAddresses() {
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			boolean thisNetwork = first == 0;
			boolean carrierGradeNat = first == 100 && (second & 0xc0) == 64;
			boolean reserved = first >= 240;
			return !(thisNetwork || carrierGradeNat || reserved);
		}
		if ((bytes[0] & 0xfe) == 0xfc) {
			return false;
		}
		if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress() || isNat64(bytes)) {
			return isPublic(embeddedIpv4(bytes));
		}
		return true;
	}

	private static boolean isNat64(byte[] bytes) {
		byte[] prefix = { 0x00, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress embeddedIpv4(byte[] bytes) {
		try {
			return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
		}
		catch (UnknownHostException impossible) {
			// four bytes are always an address
			throw new IllegalStateException(impossible);
		}
	}
}
