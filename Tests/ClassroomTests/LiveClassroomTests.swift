import ClassroomLesson
import Foundation
import KidlTestSupport
import KurentoClassroomServer
import KurentoClient
import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import Logging
import Testing

/// The live-classroom example (README, "Live classroom") against a real server on a loopback socket: what the
/// lesson reads back from the server at each step, and what is left on the server at the end.
@Suite struct LiveClassroomTests {
    @Test func aWholeClass() async throws {
        try await ClassroomServer.run { url, core in
            let objectsBefore = core.dispatcher.registry.count
            let client = try await KurentoClient.connect(to: url, configuration: ClassroomServer.clientConfiguration)
            let lines = Locked<[String]>([])
            let report = try await Lesson(teacher: "Ms Rivera", students: ["Ana", "Bo", "Chen"], speaker: "Bo",
                                          question: "Why is the sky blue?")
                .run(on: client) { line in lines.withLock { $0.append(line) } }
            await client.close()

            #expect(report.joined == ["Ms Rivera", "Ana", "Bo", "Chen"])
            // Every student receives the teacher, and only the teacher; the teacher receives nobody.
            let teacherOnly: [String: [String]] = ["Ms Rivera": [], "Ana": ["Ms Rivera"], "Bo": ["Ms Rivera"], "Chen": ["Ms Rivera"]]
            #expect(report.feedsAfterJoining == teacherOnly)
            // The raised hand reached the teacher's application as a HandRaised event of Bo's endpoint.
            #expect(report.handRaised?.participant == "Bo")
            #expect(report.handRaised?.question == "Why is the sky blue?")
            #expect(report.handRaised?.source.hasPrefix(report.roomID + "/") == true)
            #expect(report.handRaised?.source.hasSuffix("_classroom.LiveEndpoint") == true)
            // While Bo speaks, everyone else receives Bo (a sink has one source per media type), Bo the teacher.
            #expect(report.feedsDuringTurn == ["Ms Rivera": ["Bo"], "Ana": ["Bo"], "Bo": ["Ms Rivera"], "Chen": ["Bo"]])
            // Lowered again: back to the teacher alone.
            #expect(report.handLoweredBy == "Bo")
            #expect(report.handStillRaised == false)
            #expect(report.feedsAfterTurn == teacherOnly)
            // The end of the class released everything: nothing left but what was there before.
            #expect(report.roomLeftOnServer == false)
            #expect(report.objectsLeft.isEmpty)
            #expect(core.dispatcher.registry.count == objectsBefore)
            #expect(lines.withLock { $0 }.count == 9, "\(lines.withLock { $0 })")
        }
    }

    @Test func aServerWithoutTheClassroomModule() async throws {
        try await ClassroomServer.run(modules: []) { url, core in
            let objectsBefore = core.dispatcher.registry.count
            let client = try await KurentoClient.connect(to: url, configuration: ClassroomServer.clientConfiguration)
            let error = await #expect(throws: KurentoError.self) { try await Lesson().run(on: client) }
            #expect(error?.code == 40108)
            #expect(error?.type == "MEDIA_OBJECT_NOT_AVAILABLE")
            #expect(error?.message == "Factory 'LiveEndpoint' not found")
            // The room was created before the failure, and released after it.
            #expect(core.dispatcher.registry.count == objectsBefore)
            await client.close()
        }
    }

    @Test func aLessonThatCannotStartCreatesNothing() async throws {
        try await ClassroomServer.run { url, core in
            let objectsBefore = core.dispatcher.registry.count
            let client = try await KurentoClient.connect(to: url, configuration: ClassroomServer.clientConfiguration)
            for lesson in [Lesson(students: []), Lesson(students: ["Ana", "Ana"]), Lesson(students: ["Ana", ""]),
                           Lesson(students: ["Ana"], speaker: "Zoe")] {
                await #expect(throws: LessonError.self) { try await lesson.run(on: client) }
            }
            #expect(core.dispatcher.registry.count == objectsBefore)
            await client.close()
        }
    }

    /// `kidl-classroom` as the README runs it: its own server, the whole class, exit status 0.
    @Test(.enabled(if: ClassroomBinary.url != nil, "kidl-classroom is not built next to the test bundle"))
    func theExecutable() async throws {
        let binary = try #require(ClassroomBinary.url)
        let outcome = try await ChildProcess.run(["--students", "Ana,Bo,Chen,Dee", "--speaker", "Dee"], executable: binary,
                                                 mergingErrors: true)
        let text = outcome.output
        #expect(outcome.status == 0, "\(text)")
        #expect(text.contains("Dee raises a hand: \"Why is the sky blue?\""), "\(text)")
        #expect(text.contains("Dee speaks to 4 participants"), "\(text)")
        #expect(text.hasSuffix("class over: every object released\n"), "\(text)")
    }
}
