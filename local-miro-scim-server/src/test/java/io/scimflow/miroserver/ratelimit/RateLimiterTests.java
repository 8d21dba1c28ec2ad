package io.scimflow.miroserver.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

	static final long SECOND = 1_000_000_000L;

	final AtomicLong now = new AtomicLong(1_000 * SECOND);

	@Test
	void limitsFollowMirosTableAndScale() {
		RateLimiter limiter = new RateLimiter(1.0, Duration.ofSeconds(30), this.now::get);
		assertThat(limiter.limit(RateBucket.USERS_CREATE)).isEqualTo(200);
		assertThat(limiter.limit(RateBucket.USERS_PATCH)).isEqualTo(100);
		assertThat(limiter.limit(RateBucket.USERS_DELETE)).isEqualTo(20);
		assertThat(limiter.limit(RateBucket.GROUPS_LIST)).isEqualTo(5);
		assertThat(limiter.limit(RateBucket.GROUPS_GET)).isEqualTo(20);
		assertThat(limiter.limit(RateBucket.GROUPS_PATCH_CHEAP)).isEqualTo(100);
		assertThat(limiter.limit(RateBucket.GROUPS_PATCH_EXPENSIVE)).isEqualTo(5);
		RateLimiter scaled = new RateLimiter(0.01, Duration.ofSeconds(30), this.now::get);
		assertThat(scaled.limit(RateBucket.GROUPS_LIST)).as("never below one").isEqualTo(1);
		assertThat(new RateLimiter(10, Duration.ofSeconds(30)).limit(RateBucket.USERS_CREATE)).isEqualTo(2000);
	}

	@Test
	void theWindowSlidesRequestByRequest() {
		RateLimiter limiter = new RateLimiter(1.0, Duration.ofSeconds(30), this.now::get);
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.tryAcquire(RateBucket.GROUPS_LIST)).isZero();
			this.now.addAndGet(SECOND);
		}
		// five requests at t=0..4 s; now t=5 s: refused until the first leaves the window at t=30 s
		assertThat(limiter.tryAcquire(RateBucket.GROUPS_LIST)).isEqualTo(25 * SECOND);
		this.now.addAndGet(25 * SECOND);
		assertThat(limiter.tryAcquire(RateBucket.GROUPS_LIST)).isZero();
		assertThat(limiter.tryAcquire(RateBucket.GROUPS_LIST)).as("the t=1 s request is still inside").isEqualTo(SECOND);
		assertThat(limiter.tryAcquire(RateBucket.USERS_LIST)).as("buckets are independent").isZero();
	}

}
