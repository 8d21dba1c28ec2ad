package io.scimflow.worker.translate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationIdsTests {

	@Test
	void givesTheNameBasedUuidOfTheJdk() {
		for (String name : List.of("", "c-1|USER/u-1|UPSERT_USER", "c-2|GROUP/g-ü|ADD_MEMBERS", "x".repeat(500))) {
			assertThat(OperationIds.of(name))
				.isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
		}
		assertThat(OperationIds.of("a")).isNotEqualTo(OperationIds.of("b"));
	}

}
