import Foundation
import KurentoRuntime
import KurentoServer
#if canImport(Glibc)
import Glibc
#endif

/// The runtime's in-process figures (README, Benchmarks): create+invoke+release per second through the
/// dispatcher, memory per live object, and memory after releasing them. Run in release mode:
/// `scripts/bench-runtime.sh` or `make bench-runtime`.
///
///     kidl-bench-runtime [--cycles N] [--objects N] [--rounds N] [--tasks N] [--json]
@main
struct BenchRuntime {
    struct Options: Sendable {
        var cycles = 100_000
        var objects = 100_000
        var rounds = 3
        var tasks = ProcessInfo.processInfo.activeProcessorCount
        var json = false

        init(_ arguments: [String]) {
            var it = arguments.makeIterator()
            while let a = it.next() {
                switch a {
                case "--cycles": cycles = it.next().flatMap(Int.init) ?? cycles
                case "--objects": objects = it.next().flatMap(Int.init) ?? objects
                case "--tasks": tasks = it.next().flatMap(Int.init) ?? tasks
                case "--rounds": rounds = max(1, it.next().flatMap(Int.init) ?? rounds)
                case "--json": json = true
                default:
                    FileHandle.standardError.write(Data("usage: kidl-bench-runtime [--cycles N] [--objects N] [--rounds N] [--tasks N] [--json]\n".utf8))
                    exit(2)
                }
            }
        }
    }

    static func main() async throws {
        let options = Options(Array(CommandLine.arguments.dropFirst()))
        // Off the main actor, as a server's connection tasks are: from the main actor every call to the
        // dispatcher's (nonisolated) async methods would hop to the global executor and back.
        try await Task.detached { try await run(options) }.value
    }

    static func run(_ options: Options) async throws {
        let server = KurentoServerCore()
        let d = server.dispatcher
        let session = d.newSession()
        let pipeline = try await d.create(type: "MediaPipeline", constructorParams: nil, session: session)
        let inPipeline: JSON = ["mediaPipeline": .string(pipeline)]

        // One cycle: create a PassThrough, invoke a getter and a setter, release it.
        @Sendable func cycle(_ session: String) async throws {
            let id = try await d.create(type: "PassThrough", constructorParams: inPipeline, session: session)
            _ = try await d.invoke(object: id, operation: "getName", params: nil, session: session)
            _ = try await d.invoke(object: id, operation: "setMaxEncoderBitrate", params: ["maxEncoderBitrate": 1000], session: session)
            await d.release(id)
        }
        for _ in 0..<1_000 { try await cycle(session) }   // warm-up

        // Create+invoke+release per second, one client.
        var start = ContinuousClock.now
        for _ in 0..<options.cycles { try await cycle(session) }
        let serialRate = rate(options.cycles, since: start)

        // The same from `tasks` clients at once.
        start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<options.tasks {
                group.addTask {
                    let s = d.newSession()
                    for _ in 0..<(options.cycles / options.tasks) { try await cycle(s) }
                }
            }
            try await group.waitForAll()
        }
        let parallelRate = rate(options.cycles / options.tasks * options.tasks, since: start)

        // Memory per live object, and after releasing them; several rounds show whether anything stays behind.
        var rounds: [(baseline: Int64, live: Int64, released: Int64, trimmed: Int64)] = []
        for _ in 0..<options.rounds {
            trim()
            let baseline = residentBytes()
            let p = try await d.create(type: "MediaPipeline", constructorParams: nil, session: session)
            let params: JSON = ["mediaPipeline": .string(p)]
            for _ in 0..<options.objects {
                _ = try await d.create(type: "PassThrough", constructorParams: params, session: session)
            }
            let live = residentBytes()
            await d.release(p)
            let released = residentBytes()
            trim()
            rounds.append((baseline, live, released, residentBytes()))
        }
        guard d.registry.count == 2 else { fatalError("objects left: \(d.registry.count - 2)") }

        let first = rounds[0], last = rounds[rounds.count - 1]
        let perObject = Double(first.live - first.baseline) / Double(options.objects)
        if options.json {
            let figures: [String: Any] = [
                "cycles": options.cycles, "tasks": options.tasks, "objects": options.objects,
                "createInvokeReleasePerSecond": serialRate, "createInvokeReleasePerSecondParallel": parallelRate,
                "bytesPerLiveObject": Int(perObject),
                "rounds": rounds.map { ["baselineKiB": $0.baseline / 1024, "liveKiB": $0.live / 1024,
                                        "releasedKiB": $0.released / 1024, "trimmedKiB": $0.trimmed / 1024] },
            ]
            let data = try JSONSerialization.data(withJSONObject: figures, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("create+invoke+release (PassThrough, getName, setMaxEncoderBitrate):")
            print("  1 client:   \(serialRate) cycles/s (\(options.cycles) cycles)")
            print("  \(options.tasks) clients:  \(parallelRate) cycles/s")
            print("memory, \(options.objects) live PassThrough elements in one pipeline:")
            print("  per live object: \(Int(perObject)) bytes")
            for (i, r) in rounds.enumerated() {
                print("  round \(i + 1): baseline \(r.baseline / 1024) KiB, live \(r.live / 1024) KiB, "
                      + "released \(r.released / 1024) KiB, after malloc_trim \(r.trimmed / 1024) KiB")
            }
            print("  after releasing: \(String(format: "%+.1f", Double(last.trimmed - first.baseline) / 1024)) KiB from the first baseline")
        }
    }

    /// Cycles per second since `start` (0 for no cycles: `--cycles 0` measures memory only).
    static func rate(_ cycles: Int, since start: ContinuousClock.Instant) -> Int {
        let d = ContinuousClock.now - start
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return cycles > 0 && seconds > 0 ? Int(Double(cycles) / seconds) : 0
    }

    /// Resident memory of this process.
    static func residentBytes() -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int64(fields[1]) else { return 0 }
        return pages * Int64(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Returns freed heap memory to the system (glibc keeps it otherwise), so RSS shows what is still in use.
    /// (`malloc_trim` is declared in `malloc.h`, which the Glibc module does not import: found with dlsym.)
    static func trim() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }
}
