package io.scimflow.miroserver.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The request journal and counters. Entries are kept only when the journal is on; counters
 * (requests per endpoint, per status, 429s) are always kept and cost no memory per request.
 * Thread-safe.
 */
public final class RequestJournal {

	private final ConcurrentLinkedQueue<JournalEntry> entries = new ConcurrentLinkedQueue<>();

	private final ConcurrentHashMap<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

	public void record(JournalEntry entry, boolean keepEntry) {
		this.byEndpoint.computeIfAbsent(entry.endpoint(), (k) -> new LongAdder()).increment();
		this.byStatus.computeIfAbsent(entry.status(), (k) -> new LongAdder()).increment();
		if (keepEntry) {
			this.entries.add(entry);
		}
	}

	public List<JournalEntry> entries() {
		return new ArrayList<>(this.entries);
	}

	/** Requests per endpoint template ({@code "POST /Users"}, {@code "PATCH /Groups/{id}"}, …). */
	public Map<String, Long> countsByEndpoint() {
		Map<String, Long> counts = new TreeMap<>();
		this.byEndpoint.forEach((k, v) -> counts.put(k, v.sum()));
		return counts;
	}

	public Map<Integer, Long> countsByStatus() {
		Map<Integer, Long> counts = new TreeMap<>();
		this.byStatus.forEach((k, v) -> counts.put(k, v.sum()));
		return counts;
	}

	public long count(int status) {
		LongAdder adder = this.byStatus.get(status);
		return (adder == null) ? 0 : adder.sum();
	}

	public void clear() {
		this.entries.clear();
		this.byEndpoint.clear();
		this.byStatus.clear();
	}

}
