package io.scimflow.worker.kafka;

import java.util.function.Consumer;

import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.worker.WorkerProperties;
import io.scimflow.worker.translate.DirectoryTranslator;
import io.scimflow.worker.translate.TranslationWarmUp;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Before the listener starts: creates the operations producer (connection, topic metadata,
 * producer id), gets the operation schema's id and fetches the newest schema of each input
 * topic. Without it the first directory change after a start waits for all of that (seconds
 * on a small machine). Then runs the per-record code on made-up records
 * ({@link TranslationWarmUp}: decoding, rules, encoding; nothing is sent). Nothing here stops
 * the start: what fails is done again by the first record, as before.
 */
final class KafkaClientsWarmUp implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KafkaClientsWarmUp.class);

	private final KafkaTemplate<String, Object> operations;

	private final RecordDecoder decoder;

	private final KafkaConfiguration.WorkerTopics topics;

	private final DirectoryTranslator translator;

	private final int warmUpRecords;

	private volatile boolean running;

	KafkaClientsWarmUp(KafkaTemplate<String, Object> operations, RecordDecoder decoder,
			KafkaConfiguration.WorkerTopics topics, DirectoryTranslator translator, int warmUpRecords) {
		this.operations = operations;
		this.decoder = decoder;
		this.topics = topics;
		this.translator = translator;
		this.warmUpRecords = warmUpRecords;
	}

	@Override
	public void start() {
		this.running = true;
		String operationsTopic = this.topics.names().operations();
		Consumer<ProvisioningOperation> encode = (operation) -> {
		};
		try {
			this.operations.partitionsFor(operationsTopic);
			if (this.operations.getProducerFactory() instanceof DefaultKafkaProducerFactory<String, Object> factory) {
				Serializer<Object> values = factory.getValueSerializer();
				if (values instanceof KafkaAvroSerializer avro) {
					avro.prepare(operationsTopic, ProvisioningOperation.getClassSchema());
					// the schema id is known now: serializing makes no registry request
					encode = (operation) -> avro.serialize(operationsTopic, operation);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not prepare the operations producer ({}); the first operation will", ex.getMessage());
		}
		for (String topic : this.topics.inputs()) {
			this.decoder.prepare(topic);
		}
		warmUp(encode);
	}

	private void warmUp(Consumer<ProvisioningOperation> encode) {
		if (this.warmUpRecords == 0) {
			return;
		}
		try {
			TranslationWarmUp.Result result = TranslationWarmUp.run(this.translator, encode, this.warmUpRecords,
					WorkerProperties.WARM_UP_BUDGET);
			log.info("Warmed up on {} made-up records ({} operations encoded, none sent) in {} ms "
					+ "(scimflow.worker.warm-up-records={})", result.records(), result.operations(), result.millis(),
					this.warmUpRecords);
		}
		catch (RuntimeException ex) {
			log.warn("The start-up warm-up failed ({}); the first records will run slower", ex.toString());
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the listener containers. */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
	}

}
