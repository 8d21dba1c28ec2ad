package io.scimflow.worker.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.scimflow.events.ObjectType;
import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.LogStep;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.log.StepName;
import io.scimflow.rules.mapping.MappingException;
import io.scimflow.schemas.ids.RandomIds;
import io.scimflow.schemas.keys.OperationKeys;
import io.scimflow.worker.WorkerProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes a FAILURE entry to the provisioning log for every record the worker parks, so bad
 * input shows up where operators look (the dead-letter topic keeps the record itself).
 * Best effort: a log entry that cannot be written is reported, and never blocks parking.
 */
final class ParkedRecordLog {

	private static final Logger log = LoggerFactory.getLogger(ParkedRecordLog.class);

	private final KafkaTemplate<String, Object> template;

	private final WorkerProperties.TopicNames topics;

	private final RecordDecoder decoder;

	private final Clock clock;

	private final String runId = "provisioning-worker-" + UUID.randomUUID();

	ParkedRecordLog(KafkaTemplate<String, Object> template, WorkerProperties.TopicNames topics, RecordDecoder decoder,
			Clock clock) {
		this.template = template;
		this.topics = topics;
		this.decoder = decoder;
		this.clock = clock;
	}

	void parked(ConsumerRecord<?, ?> record, Throwable ex, String reason) {
		if (record.key() == null) {
			return;
		}
		String key = record.key().toString();
		ObjectType type = record.topic().equals(this.topics.users()) ? ObjectType.USER : ObjectType.GROUP;
		String sourceId = record.topic().equals(this.topics.memberships()) && key.contains("|")
				? key.substring(0, key.indexOf('|')) : key;
		Object event = decodeQuietly(record);
		ProvisioningLogEntry entry = ProvisioningLogEntry.newBuilder()
			.setId(RandomIds.next())
			.setChangeId(changeId(event))
			.setOperationId(UUID.nameUUIDFromBytes(("parked|" + record.topic() + "|" + record.partition() + "|"
					+ record.offset()).getBytes(StandardCharsets.UTF_8)).toString())
			.setRunId(this.runId)
			.setTimestamp(this.clock.instant())
			.setObjectType(type)
			.setSourceId(sourceId)
			.setSourceIdentity((event instanceof DirectoryUser user) ? user.getUserPrincipalName()
					: (event instanceof DirectoryGroup group) ? group.getDisplayName() : null)
			.setTargetId(null)
			.setTargetIdentity(null)
			.setAction(LogAction.OTHER)
			.setStatus(LogStatus.FAILURE)
			.setStatusReason("parked on " + this.topics.deadLetter() + " by the provisioning worker: " + reason)
			.setSteps(List.of(new LogStep(StepName.IMPORT, LogStatus.FAILURE, reason)))
			.setModifiedProperties(List.of())
			.setErrorCode(errorCode(ex, event))
			.setErrorReason(reason)
			.setHttpStatus(null)
			.setRequests(0)
			.setDurationMs(0L)
			.build();
		this.template.send(this.topics.log(), OperationKeys.of(type, sourceId), entry).whenComplete((result, failure) -> {
			if (failure != null) {
				log.warn("Could not write the provisioning log entry for parked record {}-{}@{}: {}", record.topic(),
						record.partition(), record.offset(), failure.getMessage());
			}
		});
	}

	private Object decodeQuietly(ConsumerRecord<?, ?> record) {
		if (!(record.value() instanceof byte[] bytes)) {
			return null;
		}
		try {
			return this.decoder.decode(record.topic(), bytes);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String changeId(Object event) {
		if (event instanceof DirectoryUser user) {
			return user.getChangeId();
		}
		if (event instanceof DirectoryGroup group) {
			return group.getChangeId();
		}
		if (event instanceof GroupMembership membership) {
			return membership.getChangeId();
		}
		return "unknown";
	}

	// EXPR-xxxx for a mapping that failed, WORKER_UNDECODABLE when the bytes could not be
	// read, WORKER_UNMAPPABLE otherwise.
	private static String errorCode(Throwable ex, Object event) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MappingException mapping && mapping.errorCode() != null) {
				return mapping.errorCode();
			}
		}
		return (event == null) ? "WORKER_UNDECODABLE" : "WORKER_UNMAPPABLE";
	}

}
