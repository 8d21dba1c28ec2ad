package io.scimflow.worker.translate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.rules.config.AppConfigLoader;
import io.scimflow.rules.decision.ProvisioningRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranslationWarmUpTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

	private final DirectoryTranslator miro = new DirectoryTranslator(
			new ProvisioningRules(AppConfigLoader.miroDefault(), CLOCK, new Random(1)), new OperationFactory(CLOCK));

	@Test
	void translatesAndEncodesMadeUpRecordsWithTheRealRules() {
		List<ProvisioningOperation> encoded = new ArrayList<>();

		TranslationWarmUp.Result result = TranslationWarmUp.run(this.miro, encoded::add, 200, Duration.ofMinutes(1));

		assertThat(result.records()).isEqualTo(200);
		assertThat(result.failures()).as("the made-up records map with Miro's rules").isZero();
		assertThat(result.operations()).isEqualTo(encoded.size());
		// the mappings ran: users are created with their mapped attributes, memberships added
		assertThat(encoded).extracting(ProvisioningOperation::getAction)
			.contains(OperationAction.UPSERT_USER, OperationAction.UPSERT_GROUP, OperationAction.ADD_MEMBERS);
		assertThat(encoded).filteredOn((op) -> op.getAction() == OperationAction.UPSERT_USER)
			.allSatisfy((op) -> assertThat(op.getSourceId()).startsWith("warm-up-user-"))
			.anySatisfy((op) -> assertThat(String.valueOf(op.getAttributes())).contains("warm.up.0@example.com"));
	}

	@Test
	void stopsWhenTheBudgetIsSpent() {
		TranslationWarmUp.Result result = TranslationWarmUp.run(this.miro, (op) -> {
		}, 1_000_000, Duration.ZERO);

		assertThat(result.records()).isZero();
		assertThat(result.operations()).isZero();
	}

}
