package dev.flux.auth.password;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the hashing threads: daemon platform threads that, on Linux, lower their own
 * priority first, so that the kernel runs a request thread that wakes up ahead of them.
 * With {@code idle}, a thread moves itself to the {@code SCHED_IDLE} policy: it gets
 * little more than the CPU no normal thread of its scheduling group (the service's
 * cgroup, or its session under autogroup) wants, a waking normal thread of that group
 * usually takes the core from it at once (at worst at the next scheduler tick, which
 * {@link SchedulerNudge} brings forward), and the kernel places waking threads on a core
 * running only such threads as on an idle one. Other groups on the host are weighed
 * against the service's whole group, hashing included. On a host whose other processes
 * keep every core busy, sign-ins therefore wait (and beyond the bulkhead's queue get
 * 503). Otherwise (or if that fails) it raises its nice value, which only weighs it less
 * in the fair share. Lowering a thread's priority needs no privilege; on Linux both calls
 * with {@code 0} for the thread apply to the calling thread only. Elsewhere (where
 * {@code setpriority} would apply to the whole process) the threads keep the normal
 * priority.
 */
final class HashingThreads implements ThreadFactory {

	private static final Logger logger = LoggerFactory.getLogger(HashingThreads.class);

	private static final int PRIO_PROCESS = 0;

	/** {@code SCHED_IDLE} of {@code <sched.h>} on Linux. */
	static final int SCHED_IDLE = 5;

	private final AtomicInteger created = new AtomicInteger();

	private final int niceness;

	private final boolean idle;

	HashingThreads(int niceness, boolean idle) {
		if (niceness < 0 || niceness > 19) {
			throw new IllegalArgumentException("niceness must be from 0 to 19, not " + niceness);
		}
		this.niceness = niceness;
		this.idle = idle;
	}

	@Override
	public Thread newThread(Runnable work) {
		return Thread.ofPlatform().daemon().name("password-hashing-" + this.created.incrementAndGet()).unstarted(() -> {
			lowerOwnPriority();
			work.run();
		});
	}

	private void lowerOwnPriority() {
		if (this.niceness == 0 && !this.idle) {
			return;
		}
		if (!Platform.isLinux()) {
			logger.info("Password hashing runs at the normal priority: lowering one thread's priority needs Linux");
			return;
		}
		try {
			if (this.idle) {
				Memory parameters = new Memory(Integer.BYTES);
				parameters.setInt(0, 0);
				if (CLibrary.INSTANCE.sched_setscheduler(0, SCHED_IDLE, parameters) == 0) {
					return;
				}
				logger.warn(
						"Password hashing falls back to nice {}: sched_setscheduler(SCHED_IDLE) failed with errno {}",
						this.niceness, Native.getLastError());
			}
			if (this.niceness > 0 && CLibrary.INSTANCE.setpriority(PRIO_PROCESS, 0, this.niceness) != 0) {
				logger.warn("Password hashing runs at the normal priority: setpriority failed with errno {}",
						Native.getLastError());
			}
		}
		catch (LinkageError ex) {
			logger.warn("Password hashing runs at the normal priority: the C library is not reachable ({})",
					ex.toString());
		}
	}

	/** The C functions needed. */
	interface CLibrary extends Library {

		CLibrary INSTANCE = Native.load("c", CLibrary.class);

		int setpriority(int which, int who, int priority);

		int sched_setscheduler(int pid, int policy, Pointer parameters);

		int sched_setaffinity(int pid, long maskBytes, Pointer mask);

		int sched_getaffinity(int pid, long maskBytes, Pointer mask);

	}

}
