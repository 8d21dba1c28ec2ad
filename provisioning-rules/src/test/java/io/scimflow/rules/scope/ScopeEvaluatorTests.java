package io.scimflow.rules.scope;

import java.util.List;
import java.util.Map;

import io.scimflow.rules.filter.FilterClause;
import io.scimflow.rules.filter.FilterGroup;
import io.scimflow.rules.filter.FilterOperator;
import io.scimflow.rules.filter.ScopingFilter;
import io.scimflow.rules.source.AppRoleAssignment;
import io.scimflow.rules.source.Lifecycle;
import io.scimflow.rules.source.SourceObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeEvaluatorTests {

	private static final ScopeSettings MIRO = new ScopeSettings(AssignmentScope.ASSIGNED_ONLY, true, false,
			OutOfScopeAction.DISABLE);

	private static final ScopingFilter STAFF = new ScopingFilter(
			List.of(new FilterGroup("staff", List.of(FilterClause.of("userType", FilterOperator.EQUALS, "Member")))));

	private static SourceObject user(Lifecycle lifecycle, boolean enabled, String userType, AppRoleAssignment... roles) {
		return SourceObject.user("u", lifecycle, Map.of("accountEnabled", enabled, "userType", userType), List.of(roles),
				List.of());
	}

	@Test
	void everyCheckIsReportedInOrder() {
		ScopeDecision d = new ScopeEvaluator(MIRO).evaluate(
				user(Lifecycle.ACTIVE, true, "Member", AppRoleAssignment.direct("r", "User", "User")), STAFF);
		assertThat(d.active()).isTrue();
		assertThat(d.softDeleted()).isFalse();
		assertThat(d.reasons()).extracting(ScopeReason::check)
			.containsExactly(ScopeCheck.LIFECYCLE, ScopeCheck.ASSIGNMENT, ScopeCheck.APP_ROLE, ScopeCheck.SCOPING_FILTER,
					ScopeCheck.ACCOUNT_ENABLED);
		assertThat(d.reasons()).allMatch(ScopeReason::passed);
		assertThat(d.summary()).startsWith("in scope: ");
	}

	@Test
	void isSoftDeletedHasItsFourCauses() {
		ScopeEvaluator evaluator = new ScopeEvaluator(MIRO);
		AppRoleAssignment role = AppRoleAssignment.direct("r", "User", "User");
		assertThat(evaluator.evaluate(user(Lifecycle.ACTIVE, true, "Member"), STAFF).softDeleted()).isTrue();
		assertThat(evaluator.evaluate(user(Lifecycle.ACTIVE, true, "Guest", role), STAFF).softDeleted()).isTrue();
		assertThat(evaluator.evaluate(user(Lifecycle.SOFT_DELETED, true, "Member", role), STAFF).softDeleted()).isTrue();
		assertThat(evaluator.evaluate(user(Lifecycle.ACTIVE, false, "Member", role), STAFF).softDeleted()).isTrue();
		assertThat(evaluator.evaluate(user(Lifecycle.ACTIVE, true, "Member", role), STAFF).softDeleted()).isFalse();
	}

	@Test
	void defaultAccessOnlyIsNotEntitledWhenTheAppSaysSo() {
		AppRoleAssignment defaultAccess = AppRoleAssignment.viaGroup(AppRoleAssignment.DEFAULT_ACCESS_ROLE_ID, null,
				"Default Access", "g", "All staff");
		ScopeDecision d = new ScopeEvaluator(MIRO).evaluate(user(Lifecycle.ACTIVE, true, "Member", defaultAccess), STAFF);
		assertThat(d.entitled()).isFalse();
		assertThat(d.summary()).isEqualTo("only the Default Access role, which this app does not provision");
		assertThat(d.reasons()).anySatisfy((r) -> assertThat(r.detail()).isEqualTo("assigned: Default Access (via group All staff)"));
		ScopeDecision lenient = new ScopeEvaluator(ScopeSettings.DEFAULT)
			.evaluate(user(Lifecycle.ACTIVE, true, "Member", defaultAccess), STAFF);
		assertThat(lenient.entitled()).isTrue();
	}

	@Test
	void msiamAccessIsDefaultAccessToo() {
		assertThat(AppRoleAssignment.direct("x", "msiam_access", "whatever").isDefaultAccess()).isTrue();
		assertThat(AppRoleAssignment.direct("x", "User", "User").isDefaultAccess()).isFalse();
	}

	@Test
	void syncAllNeedsNoAssignment() {
		ScopeSettings all = new ScopeSettings(AssignmentScope.ALL, true, false, OutOfScopeAction.DISABLE);
		assertThat(new ScopeEvaluator(all).evaluate(user(Lifecycle.ACTIVE, true, "Member"), STAFF).active()).isTrue();
	}

}
