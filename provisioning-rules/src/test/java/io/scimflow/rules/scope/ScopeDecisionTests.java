package io.scimflow.rules.scope;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeDecisionTests {

	@Test
	void theSummaryListsEveryCheckWhenAllPassedAndOnlyTheFailedOnesOtherwise() {
		ScopeReason active = new ScopeReason(ScopeCheck.LIFECYCLE, true, "active in the directory");
		ScopeReason unassigned = new ScopeReason(ScopeCheck.ASSIGNMENT, false, "not assigned to the app");
		ScopeReason filter = new ScopeReason(ScopeCheck.SCOPING_FILTER, true, "no scoping filter");
		ScopeReason disabled = new ScopeReason(ScopeCheck.ACCOUNT_ENABLED, false, "account disabled (accountEnabled=false)");

		assertThat(new ScopeDecision(true, true, false, false, List.of(active, filter)).summary())
			.isEqualTo("in scope: active in the directory; no scoping filter");
		assertThat(new ScopeDecision(false, true, true, false, List.of(active, unassigned, filter, disabled)).summary())
			.isEqualTo("not assigned to the app; account disabled (accountEnabled=false)");
		assertThat(new ScopeDecision(true, true, false, false, List.of()).summary()).isEqualTo("in scope: ");
	}

}
