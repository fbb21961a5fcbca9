package app.chorus.channels.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.chorus.channels.ChannelNeedsReauthorization;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.identity.UserAccount;
import app.chorus.notifications.Notice;
import app.chorus.notifications.Notifications;
import app.chorus.workspace.MemberRemoved;

/**
 * Keeps channels working without anyone watching: renews credentials ahead of expiry, tells the owners when a channel
 * needs them, and takes a departed member off every channel they owned.
 */
@Component
class ChannelWatch {

	private static final Logger log = LoggerFactory.getLogger(ChannelWatch.class);
	private static final int BATCH = 100;

	private final ChannelService channels;
	private final Notifications notifications;

	ChannelWatch(ChannelService channels, Notifications notifications) {
		this.channels = channels;
		this.notifications = notifications;
	}

	@Scheduled(fixedDelayString = "${chorus.channels.refresh-interval:PT1M}",
			initialDelayString = "${chorus.channels.refresh-interval:PT1M}")
	void refreshExpiring() {
		for (ChannelRecords.ChannelRow row : channels.expiring(BATCH)) {
			try {
				channels.refresh(row.workspaceId(), row.id());
			}
			catch (ChannelPaused e) {
				log.info("Channel {} needs re-authorisation after a refused refresh", row.id());
			}
			catch (NetworkUnavailable e) {
				log.info("Could not renew channel {}: {}; trying again on the next round", row.id(), e.getMessage());
			}
		}
	}

	@ApplicationModuleListener
	void on(ChannelNeedsReauthorization event) {
		List<UserAccount> owners = channels.ownerAccounts(event.workspaceId(), event.channelId());
		for (UserAccount owner : owners) {
			notifications.notify(new Notice(event.workspaceId(), owner.id(), owner.email(), owner.locale(),
					"notice.channel.needs-reauthorization", List.of(event.name(), event.network()),
					"/channels/" + event.channelId()));
		}
		if (owners.isEmpty()) {
			log.warn("Channel {} needs re-authorisation and has no owner to tell", event.channelId());
		}
	}

	@ApplicationModuleListener
	void on(MemberRemoved event) {
		channels.memberLeft(event.workspaceId(), event.member());
	}
}
