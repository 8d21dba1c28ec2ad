package io.scimflow.miroserver.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Sliding-window limiter, one window per {@link RateBucket}, counted for the whole
 * organisation. A request that is refused does not use up budget. Thread-safe: each bucket
 * locks only itself.
 */
public final class RateLimiter {

	private final Map<RateBucket, Window> windows = new EnumMap<>(RateBucket.class);

	private final double scale;

	private final long windowNanos;

	private final LongSupplier clock;

	public RateLimiter(double scale, Duration window) {
		this(scale, window, System::nanoTime);
	}

	RateLimiter(double scale, Duration window, LongSupplier clock) {
		this.clock = clock;
		this.scale = scale;
		this.windowNanos = window.toNanos();
		for (RateBucket bucket : RateBucket.values()) {
			int limit = (int) Math.max(1, Math.round(bucket.limit() * scale));
			this.windows.put(bucket, new Window(limit));
		}
	}

	public boolean sameConfiguration(double scale, Duration window) {
		return this.scale == scale && this.windowNanos == window.toNanos();
	}

	/** The scaled limit of a bucket. */
	public int limit(RateBucket bucket) {
		return this.windows.get(bucket).timestamps.length;
	}

	/**
	 * Takes one request from the bucket.
	 * @return 0 if allowed, else the nanoseconds until the oldest request leaves the window
	 */
	public long tryAcquire(RateBucket bucket) {
		return this.windows.get(bucket).tryAcquire(this.clock.getAsLong(), this.windowNanos);
	}

	/** A ring of the last {@code limit} admission times. */
	private static final class Window {

		private final long[] timestamps;

		private int next;

		private int used;

		Window(int limit) {
			this.timestamps = new long[limit];
		}

		synchronized long tryAcquire(long now, long windowNanos) {
			if (this.used == this.timestamps.length) {
				long oldest = this.timestamps[this.next];
				long age = now - oldest;
				if (age < windowNanos) {
					return windowNanos - age;
				}
			}
			else {
				this.used++;
			}
			this.timestamps[this.next] = now;
			this.next = (this.next + 1) % this.timestamps.length;
			return 0;
		}

	}

}
