package app.chorus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTests {

	@Test
	void everyRoleMaySeeContentAndMembers() {
		for (Role role : Role.values()) {
			assertThat(role.can(Permission.CONTENT_VIEW)).as(role.key()).isTrue();
			assertThat(role.can(Permission.MEMBERS_VIEW)).as(role.key()).isTrue();
		}
	}

	@Test
	void onlyOwnersAndAdminsManageMembersSettingsAndSeeTheAuditTrail() {
		for (Role role : Role.values()) {
			boolean top = role == Role.OWNER || role == Role.ADMIN;
			assertThat(role.can(Permission.MEMBERS_MANAGE)).as(role.key()).isEqualTo(top);
			assertThat(role.can(Permission.WORKSPACE_SETTINGS)).as(role.key()).isEqualTo(top);
			assertThat(role.can(Permission.AUDIT_VIEW)).as(role.key()).isEqualTo(top);
		}
	}

	@Test
	void publishingFollowsTheRoles() {
		assertThat(Role.PUBLISHER.can(Permission.POSTS_PUBLISH)).isTrue();
		assertThat(Role.CONTRIBUTOR.can(Permission.POSTS_DRAFT)).isTrue();
		assertThat(Role.CONTRIBUTOR.can(Permission.POSTS_PUBLISH)).isFalse();
		assertThat(Role.PUBLISHER.can(Permission.POSTS_APPROVE)).isFalse();
		assertThat(Role.MANAGER.can(Permission.POSTS_APPROVE)).isTrue();
		assertThat(Role.ANALYST.can(Permission.ANALYTICS_VIEW)).isTrue();
		assertThat(Role.ANALYST.can(Permission.POSTS_DRAFT)).isFalse();
		assertThat(Role.VIEWER.can(Permission.POSTS_DRAFT)).isFalse();
		assertThat(Role.VIEWER.can(Permission.ANALYTICS_VIEW)).isFalse();
	}

	@Test
	void onlyOwnersHandOutOrTakeAwayTheOwnerRole() {
		assertThat(Role.OWNER.mayAssign(Role.OWNER)).isTrue();
		assertThat(Role.ADMIN.mayAssign(Role.OWNER)).isFalse();
		assertThat(Role.ADMIN.mayAssign(Role.ADMIN)).isTrue();
		assertThat(Role.MANAGER.mayAssign(Role.VIEWER)).isFalse();
	}
}
