package dev.flux.events.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far by the three parties of an events benchmark on this machine: the
 * broker's Erlang VM ({@code beam.smp}), every PostgreSQL process, and this JVM. Read
 * from Linux's {@code /proc}; elsewhere every figure is zero. On a machine whose cores
 * they share, how much CPU each spends per message explains a throughput ratio better
 * than the rates alone.
 */
record ProcessCpu(double brokerSeconds, double databaseSeconds, double jvmSeconds) {

	/** Clock ticks per second of {@code /proc/<pid>/stat} on Linux. */
	private static final double TICKS = 100.0;

	private static final long SELF = ProcessHandle.current().pid();

	/** No CPU time at all: where a sum starts. */
	static final ProcessCpu NONE = new ProcessCpu(0, 0, 0);

	static ProcessCpu now() {
		Path proc = Path.of("/proc");
		if (!Files.isDirectory(proc)) {
			return NONE;
		}
		long broker = 0;
		long database = 0;
		long jvm = 0;
		try (Stream<Path> processes = Files.list(proc)) {
			for (Path process : processes.filter((path) -> path.getFileName().toString().matches("\\d+")).toList()) {
				String stat = read(process.resolve("stat"));
				if (stat == null) {
					continue;
				}
				String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				// utime and stime are fields 14 and 15 of stat, 12 and 13 after the
				// command.
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				if (command.equals("beam.smp")) {
					broker += ticks;
				}
				else if (command.startsWith("postgres")) {
					database += ticks;
				}
				else if (Long.parseLong(process.getFileName().toString()) == SELF) {
					jvm += ticks;
				}
			}
		}
		catch (IOException ex) {
			return NONE;
		}
		return new ProcessCpu(broker / TICKS, database / TICKS, jvm / TICKS);
	}

	/** The CPU time spent between {@code earlier} and this reading. */
	ProcessCpu since(ProcessCpu earlier) {
		return new ProcessCpu(this.brokerSeconds - earlier.brokerSeconds,
				this.databaseSeconds - earlier.databaseSeconds, this.jvmSeconds - earlier.jvmSeconds);
	}

	ProcessCpu plus(ProcessCpu other) {
		return new ProcessCpu(this.brokerSeconds + other.brokerSeconds, this.databaseSeconds + other.databaseSeconds,
				this.jvmSeconds + other.jvmSeconds);
	}

	/** This CPU time spread over some messages, in microseconds each. */
	String perMessage(int messages) {
		return String.format(java.util.Locale.ROOT,
				"CPU per message: broker %4.0f us, PostgreSQL %4.0f us, JVM %4.0f us",
				micros(this.brokerSeconds, messages), micros(this.databaseSeconds, messages),
				micros(this.jvmSeconds, messages));
	}

	private static double micros(double seconds, int messages) {
		return seconds * 1e6 / messages;
	}

	private static String read(Path stat) {
		try {
			return Files.readString(stat);
		}
		catch (IOException ex) {
			// The process ended meanwhile; its time no longer counts.
			return null;
		}
	}

}
