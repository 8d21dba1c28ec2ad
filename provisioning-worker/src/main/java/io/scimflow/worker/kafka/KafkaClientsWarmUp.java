package io.scimflow.worker.kafka;

import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
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
 * on a small machine). Nothing here stops the start: what fails is done again by the first
 * record, as before.
 */
final class KafkaClientsWarmUp implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KafkaClientsWarmUp.class);

	private final KafkaTemplate<String, Object> operations;

	private final RecordDecoder decoder;

	private final KafkaConfiguration.WorkerTopics topics;

	private volatile boolean running;

	KafkaClientsWarmUp(KafkaTemplate<String, Object> operations, RecordDecoder decoder,
			KafkaConfiguration.WorkerTopics topics) {
		this.operations = operations;
		this.decoder = decoder;
		this.topics = topics;
	}

	@Override
	public void start() {
		this.running = true;
		String operationsTopic = this.topics.names().operations();
		try {
			this.operations.partitionsFor(operationsTopic);
			if (this.operations.getProducerFactory() instanceof DefaultKafkaProducerFactory<String, Object> factory) {
				Serializer<Object> values = factory.getValueSerializer();
				if (values instanceof KafkaAvroSerializer avro) {
					avro.prepare(operationsTopic, ProvisioningOperation.getClassSchema());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not prepare the operations producer ({}); the first operation will", ex.getMessage());
		}
		for (String topic : this.topics.inputs()) {
			this.decoder.prepare(topic);
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
