import KurentoRuntime
import KurentoServer
import Synchronization
import Testing

/// A counter shared by tasks.
final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    func increment() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

/// Many clients creating, connecting, invoking, subscribing and releasing at once, while others release
/// objects under their feet: no crash, and in the end nothing is left but the server manager. Run under the
/// thread sanitizer by `make test-tsan` (and CI).
@Suite struct ConcurrencyTests {
    static let manager = "manager_ServerManager"

    /// An object released by someone else meanwhile is the one expected failure.
    static func tolerateReleased(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as KurentoError where error.code == 40101 {
            // released by a concurrent client
        }
    }

    @Test func manyClientsAtOnceLeaveNothingBehind() async throws {
        let server = makeDemoServer()
        let dispatcher = server.dispatcher
        let monitor = TestSession(server)
        try monitor.subscribe(Self.manager, "ObjectCreated")
        try monitor.subscribe(Self.manager, "ObjectDestroyed")
        let owner = TestSession(server)
        let shared = try await owner.pipeline()
        let sharedStage = try await owner.element("demo.StageFilter", in: shared, ["stageName": "shared", "maxCaptions": 2])
        let finished = Counter(), completed = Counter(), victims = Counter()
        let tasks = 32, iterations = 50

        try await withThrowingTaskGroup(of: Void.self) { group in
            for t in 0..<tasks {
                group.addTask {
                    let s = TestSession(server)
                    for i in 0..<iterations {
                        try await Self.tolerateReleased {
                            let p = try await s.pipeline()
                            let stage = try await s.element("demo.StageFilter", in: p, ["stageName": .string("s\(t)")])
                            let feed = try await s.element("CaptionFeed", in: p)
                            let pass = try await s.element("PassThrough", in: p)
                            // The dispatcher's calls do not suspend: without yields each task would run to the end
                            // before the next one starts on its thread.
                            await Task.yield()
                            try s.subscribe(stage, "CaptionShown")
                            try s.subscribe(feed, "ElementConnected")
                            try await s.invoke(pass, "connect", ["sink": .string(stage), "mediaType": "VIDEO"])
                            try await s.invoke(stage, "linkFeed", ["feed": .string(feed)])
                            try await s.invoke(feed, "push", ["caption": ["text": .string("t\(t) i\(i)")]])
                            try await s.invoke(stage, "addTag", ["key": "task", "value": .string("\(t)")])
                            await Task.yield()
                            _ = try s.describe(stage)
                            // Odd tasks use the shared pipeline too: elements of many sessions connected to one stage.
                            // (Using it makes a session hold it: closing such a session with release would
                            // release the shared pipeline for everyone, as in Kurento.)
                            var mine: String?
                            if t % 2 == 1 {
                                mine = try await s.element("PassThrough", in: shared)
                                try await s.invoke(mine!, "connect", ["sink": .string(sharedStage), "mediaType": .string(["AUDIO", "VIDEO", "DATA"][i % 3])])
                                try await s.invoke(sharedStage, "showText", ["text": .string("t\(t)")])
                            }
                            switch i % 4 {
                            case 0: await s.release(p)
                            case 1: await dispatcher.unref(p, session: s.id)
                            case 2:
                                await s.release(stage)
                                await s.release(p)
                            default: break   // left to closeSession
                            }
                            if let mine { if i % 4 == 1 { await s.release(mine) } else { await dispatcher.unref(mine, session: s.id) } }
                            completed.increment()
                        }
                    }
                    await dispatcher.closeSession(s.id, release: t % 2 == 0)
                    finished.increment()
                }
            }
            // Meanwhile, a client releasing elements of the others at random.
            group.addTask {
                let chaos = TestSession(server)
                while finished.value < tasks {
                    let candidates = dispatcher.registry.ids.filter { $0.contains("/") && !$0.hasPrefix(shared) }
                    if let victim = candidates.randomElement() {
                        await chaos.release(victim)
                        victims.increment()
                    }
                    await Task.yield()
                }
            }
            try await group.waitForAll()
        }

        await owner.release(shared)
        #expect(dispatcher.registry.ids == [Self.manager])
        #expect(dispatcher.registry.invariantViolations() == [])
        #expect(dispatcher.subscriptionCount == 2)   // the monitor's
        let created = monitor.events.of(type: "ObjectCreated").count
        let destroyed = monitor.events.of(type: "ObjectDestroyed").count
        #expect(created == destroyed && created >= tasks * iterations)
        #expect(completed.value > 0)
        print("ConcurrencyTests: \(created) objects, \(victims.value) released by the chaos client, "
              + "\(tasks * iterations - completed.value) of \(tasks * iterations) iterations hit by it")
    }

    /// Connecting to an element while it is released never leaves a connection to the released element.
    @Test func connectRacingReleaseLeavesNoDanglingConnection() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let source = try await s.element("PassThrough", in: pipeline)
        for _ in 0..<200 {
            let sink = try await s.element("PassThrough", in: pipeline)
            async let connect: Void = Self.tolerateReleased { try await s.invoke(source, "connect", ["sink": .string(sink)]) }
            async let release: Void = s.release(sink)
            _ = try await (connect, release)
            #expect(try await s.invoke(source, "getSinkConnections") == [], "connection to the released \(sink) left")
        }
        await s.release(pipeline)
        #expect(server.dispatcher.registry.ids == [Self.manager])
    }

    /// Elements created in a pipeline while it is released either make it in (and go with it) or fail.
    @Test func createRacingReleaseOfTheParent() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        for _ in 0..<100 {
            let pipeline = try await s.pipeline()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await Self.tolerateReleased { _ = try await s.element("PassThrough", in: pipeline) } }
                }
                group.addTask { await s.release(pipeline) }
                try await group.waitForAll()
            }
        }
        #expect(server.dispatcher.registry.ids == [Self.manager])
        #expect(server.dispatcher.registry.invariantViolations() == [])
    }
}
