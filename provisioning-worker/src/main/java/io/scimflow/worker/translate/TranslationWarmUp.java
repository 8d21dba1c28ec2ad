package io.scimflow.worker.translate;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.schemas.serde.AvroRoundTrip;
import org.apache.avro.specific.SpecificRecord;

/**
 * Runs what the worker does per record on made-up records before it consumes real ones: Avro
 * decoding, the rules (scope, mappings, expressions) and the encoding of the operations. A
 * freshly started JVM runs that code in the interpreter until its JIT has compiled it, so
 * without this the first few thousand real records of a start are several times slower.
 * Nothing is sent anywhere: the operations go to {@code encode}, which serializes and drops them.
 * Stops after {@code records} records or when {@code budget} is spent, whichever comes first.
 */
public final class TranslationWarmUp {

	/**
	 * What a warm-up did.
	 *
	 * @param records synthetic records translated
	 * @param operations operations encoded
	 * @param failures records the rules refused (a mapping error on made-up data; not a problem)
	 * @param millis time taken
	 */
	public record Result(int records, int operations, int failures, long millis) {
	}

	private TranslationWarmUp() {
	}

	public static Result run(DirectoryTranslator translator, Consumer<ProvisioningOperation> encode, int records,
			Duration budget) {
		long started = System.nanoTime();
		long deadline = started + budget.toNanos();
		AvroRoundTrip<DirectoryUser> users = new AvroRoundTrip<>(DirectoryUser.getClassSchema());
		AvroRoundTrip<DirectoryGroup> groups = new AvroRoundTrip<>(DirectoryGroup.getClassSchema());
		AvroRoundTrip<GroupMembership> memberships = new AvroRoundTrip<>(GroupMembership.getClassSchema());
		int done = 0;
		int operations = 0;
		int failures = 0;
		while (done < records && System.nanoTime() < deadline) {
			// mostly users, as in a directory; a group and a membership now and then
			SpecificRecord record = switch (done % 10) {
				case 3 -> groups.roundTrip(SyntheticRecords.group(done));
				case 6 -> memberships.roundTrip(SyntheticRecords.membership(done));
				default -> users.roundTrip(SyntheticRecords.user(done));
			};
			try {
				List<ProvisioningOperation> result = translator.translate(record);
				for (ProvisioningOperation operation : result) {
					encode.accept(operation);
					operations++;
				}
			}
			catch (UntranslatableRecordException ex) {
				failures++;
			}
			done++;
		}
		return new Result(done, operations, failures, (System.nanoTime() - started) / 1_000_000);
	}

}
