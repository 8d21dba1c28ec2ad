package io.scimflow.rules.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetPathTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			userName                                                                           | -                                                           | userName       | -       | -    | -
			name.givenName                                                                     | -                                                           | name           | -       | -    | givenName
			emails[type eq "work"].value                                                       | -                                                           | emails         | type    | work | value
			roles[primary eq "True"].value                                                     | -                                                           | roles          | primary | True | value
			urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department              | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | department     | -       | -    | -
			urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName     | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | manager        | -       | -    | displayName
			""")
	void parsesScimPaths(String text, String urn, String attribute, String filterAttribute, String filterValue,
			String sub) {
		TargetPath path = TargetPath.parse(text);
		assertThat(path.schemaUrn()).isEqualTo(urn);
		assertThat(path.attribute()).isEqualTo(attribute);
		assertThat(path.filterAttribute()).isEqualTo(filterAttribute);
		assertThat(path.filterValue()).isEqualTo(filterValue);
		assertThat(path.subAttribute()).isEqualTo(sub);
		assertThat(path.text()).isEqualTo(text);
	}

	@Test
	void rejectsWhatIsNoScimPath() {
		assertThatThrownBy(() -> TargetPath.parse("emails[type = work].value")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a SCIM path");
		assertThatThrownBy(() -> TargetPath.parse("urn:x:")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TargetPath.parse(" ")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void knowsActive() {
		assertThat(TargetPath.parse("active").isActive()).isTrue();
		assertThat(TargetPath.parse("name.givenName").isActive()).isFalse();
	}

}
