package io.scimflow.worker.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 3, MD5) UUIDs, the same as {@link UUID#nameUUIDFromBytes} gives for the
 * UTF-8 bytes of the name, with one MD5 digest per thread instead of a provider look-up per
 * call.
 */
final class OperationIds {

	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new InternalError("MD5 not supported", ex);
		}
	});

	private OperationIds() {
	}

	static String of(String name) {
		MessageDigest md5 = MD5.get();
		md5.reset();
		byte[] hash = md5.digest(name.getBytes(StandardCharsets.UTF_8));
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		long most = 0;
		long least = 0;
		for (int i = 0; i < 8; i++) {
			most = (most << 8) | (hash[i] & 0xff);
		}
		for (int i = 8; i < 16; i++) {
			least = (least << 8) | (hash[i] & 0xff);
		}
		return new UUID(most, least).toString();
	}

}
