package io.scimflow.worker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerPropertiesTests {

	@Test
	void theStartUpWarmUpIsOnByDefaultAndCanBeTurnedOff() {
		assertThat(new WorkerProperties(null, null, null, null, null, null).warmUpRecords())
			.isEqualTo(WorkerProperties.DEFAULT_WARM_UP_RECORDS);
		assertThat(new WorkerProperties(null, null, null, null, null, 0).warmUpRecords()).isZero();
	}

	@Test
	void refusesANegativeWarmUpNamingTheKey() {
		assertThatThrownBy(() -> new WorkerProperties(null, null, null, null, null, -1))
			.hasMessageContaining("scimflow.worker.warm-up-records");
	}

}
