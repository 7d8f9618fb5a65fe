package dev.flux.auth.password;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While passwords are being hashed, wakes one tiny thread per core every {@code period},
 * so that the kernel chooses again what runs on that core. Linux runs an idle-priority
 * hashing thread in place of a request thread that has just woken up but is not yet
 * eligible under its EEVDF scheduler (it ran ahead of its share before it slept), and
 * without kernel preemption nothing makes it choose again before the next scheduler tick:
 * 4 ms at 250 Hz, which 1-3% of the GETs served during a sign-in burst waited
 * (docs/benchmarks.md). A wake-up on the core is such a choice. Each thread is pinned to
 * its core and does nothing else; with no hash in flight they park until the next one.
 * Linux only; elsewhere, or with a zero period, there are no such threads.
 */
final class SchedulerNudge {

	private static final Logger logger = LoggerFactory.getLogger(SchedulerNudge.class);

	/** Bytes of CPU mask passed to the kernel: up to 1,024 CPUs. */
	private static final int MASK_BYTES = 128;

	private final long periodNanos;

	private final IntSupplier hashesInFlight;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean stopped;

	/**
	 * @param period how often each thread wakes while hashes are in flight
	 * @param hashesInFlight how many hashes are running or waiting for a hashing thread
	 */
	SchedulerNudge(Duration period, IntSupplier hashesInFlight) {
		this.periodNanos = period.toNanos();
		this.hashesInFlight = hashesInFlight;
		if (this.periodNanos > 0 && Platform.isLinux()) {
			for (int cpu : allowedCpus()) {
				this.threads.add(Thread.ofPlatform().daemon().name("scheduler-nudge-" + cpu).start(() -> nudge(cpu)));
			}
		}
	}

	/** The threads that wake up, one per core this process may run on. */
	List<Thread> threads() {
		return List.copyOf(this.threads);
	}

	/**
	 * The first hash after none: the threads wake up every period until no hash is in
	 * flight.
	 */
	void wake() {
		this.threads.forEach(LockSupport::unpark);
	}

	void stop() {
		this.stopped = true;
		this.threads.forEach(LockSupport::unpark);
	}

	private void nudge(int cpu) {
		pinTo(cpu);
		while (!this.stopped) {
			if (this.hashesInFlight.getAsInt() > 0) {
				LockSupport.parkNanos(this.periodNanos);
			}
			else {
				LockSupport.park();
			}
		}
	}

	private static void pinTo(int cpu) {
		Memory mask = new Memory(MASK_BYTES);
		mask.clear();
		mask.setByte(cpu / 8, (byte) (1 << (cpu % 8)));
		if (HashingThreads.CLibrary.INSTANCE.sched_setaffinity(0, MASK_BYTES, mask) != 0) {
			logger.warn("scheduler-nudge-{} is not pinned to its core: sched_setaffinity failed with errno {}", cpu,
					Native.getLastError());
		}
	}

	/** The CPUs this process may run on, from its affinity mask. */
	private static List<Integer> allowedCpus() {
		List<Integer> cpus = new ArrayList<>();
		try {
			Memory mask = new Memory(MASK_BYTES);
			mask.clear();
			if (HashingThreads.CLibrary.INSTANCE.sched_getaffinity(0, MASK_BYTES, mask) < 0) {
				logger.warn("No scheduler nudge: sched_getaffinity failed with errno {}", Native.getLastError());
				return cpus;
			}
			for (int cpu = 0; cpu < MASK_BYTES * 8; cpu++) {
				if ((mask.getByte(cpu / 8) & (1 << (cpu % 8))) != 0) {
					cpus.add(cpu);
				}
			}
		}
		catch (LinkageError ex) {
			logger.warn("No scheduler nudge: the C library is not reachable ({})", ex.toString());
		}
		return cpus;
	}

}
