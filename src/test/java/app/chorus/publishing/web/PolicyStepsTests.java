package app.chorus.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import app.chorus.publishing.internal.ApprovalPolicies.Step;

class PolicyStepsTests {

	@Test
	void policyStepsMoveWithinTheList() {
		List<String> steps = List.of("role:manager", "role:admin", "team:x");
		assertThat(ApprovalsController.rearranged(steps, "up-1")).contains(List.of("role:admin", "role:manager",
				"team:x"));
		assertThat(ApprovalsController.rearranged(steps, "down-2")).contains(steps);
		assertThat(ApprovalsController.rearranged(steps, "up-0")).contains(steps);
		assertThat(ApprovalsController.rearranged(steps, "remove-1")).contains(List.of("role:manager", "team:x"));
		assertThat(ApprovalsController.rearranged(steps, "add")).get().asInstanceOf(
				InstanceOfAssertFactories.LIST).hasSize(4).last().isEqualTo("role:manager");
		assertThat(ApprovalsController.rearranged(steps, "save")).isEmpty();
		assertThat(ApprovalsController.step("team:x")).as("names neither, which the policy refuses")
			.isEqualTo(new Step(null, null));
	}

	@Test
	void aStepIsARoleOrATeam() {
		java.util.UUID team = java.util.UUID.randomUUID();
		assertThat(ApprovalsController.step("role:admin")).isEqualTo(new Step("admin", null));
		assertThat(ApprovalsController.step("team:" + team)).isEqualTo(new Step(null, team));
		assertThat(ApprovalsController.values(List.of(new Step("admin", null), new Step(null, team))))
			.containsExactly("role:admin", "team:" + team);
	}
}
