package io.scimflow.miroserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MiroServerSettingsTests {

	@Test
	void defaultsFollowMirosDocumentation() {
		MiroServerSettings defaults = MiroServerSettings.defaults();
		assertThat(defaults.host()).isEqualTo("127.0.0.1");
		assertThat(defaults.port()).isZero();
		assertThat(defaults.groupModel()).isEqualTo(GroupModel.TEAMS);
		assertThat(defaults.rateLimitsEnabled()).isTrue();
		assertThat(defaults.rateLimitWindow()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.duplicateCreateStatus()).isEqualTo(409);
		assertThat(defaults.maxPayloadBytes()).isEqualTo(800_000);
		assertThat(defaults.maxGroupPatchMembers()).isEqualTo(8000);
		assertThat(defaults.defaultPageSize()).isEqualTo(100);
		assertThat(defaults.maxPageSize()).isEqualTo(1000);
		assertThat(defaults.threads()).isEqualTo(64);
	}

	@Test
	void invalidValuesNameTheSetting() {
		assertThatThrownBy(() -> MiroServerSettings.builder().duplicateCreateStatus(418).build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Invalid value 418 for setting duplicateCreateStatus: must be 409 or 400");
		assertThatThrownBy(() -> MiroServerSettings.builder().failureRate(1.5).build())
			.hasMessageContaining("failureRate");
		assertThatThrownBy(() -> MiroServerSettings.builder().token(" ").build()).hasMessageContaining("token");
	}

	@Test
	void toStringNeverShowsTheToken() {
		String text = MiroServerSettings.builder().token("super-secret-token").build().toString();
		assertThat(text).doesNotContain("super-secret-token").contains("token=***");
	}

}
