package app.chorus.publishing.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import app.chorus.shared.ids.WorkspaceId;

/**
 * The db-scheduler task that publishes one variant: its instance id is the variant id (so a variant is scheduled at
 * most once), its data the workspace id. When a node dies holding it, db-scheduler revives it on another node, and
 * the engine sees the unfinished attempt.
 */
@Configuration(proxyBeanMethods = false)
class PublishTask {

	static final String NAME = "publish-variant";

	@Bean
	CustomTask<String> publishVariantTask(@Lazy PublishEngine engine) {
		return Tasks.custom(NAME, String.class)
			.onDeadExecutionRevive()
			.execute((instance, context) -> {
				Optional<Instant> next = engine.run(new WorkspaceId(UUID.fromString(instance.getData())),
						UUID.fromString(instance.getId()));
				return (CompletionHandler<String>) (complete, operations) -> {
					if (next.isPresent()) {
						operations.reschedule(complete, next.get());
					}
					else {
						operations.remove();
					}
				};
			});
	}

	/** Puts a variant on the schedule, or moves it when it is there already. */
	static void schedule(SchedulerClient scheduler, CustomTask<String> task, WorkspaceId workspace, UUID variant,
			Instant at) {
		TaskInstance<String> instance = task.instance(variant.toString(), workspace.value().toString());
		scheduler.schedule(instance, at, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
	}
}
