package app.chorus.channels.network.linkpreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The addresses a link preview may reach when private addresses are not allowed. */
class PublicAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.1.1",
			"169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "240.0.0.1",
			"255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "ff02::1", "::ffff:127.0.0.1",
			"::ffff:10.0.0.1", "64:ff9b::a00:1", "::7f00:1" })
	void privateLocalAndSpecialAddressesAreNotPublic(String address) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1",
			"2606:4700:4700::1111", "64:ff9b::101:101", "2a01:4f8::1" })
	void addressesOnThePublicInternetArePublic(String address) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isTrue();
	}
}
