import ArgumentParser
import ClassroomLesson
import Foundation
import KurentoClassroomServer
import KurentoClient
import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import Logging

/// `kidl-classroom`: the live-classroom example. Runs the lesson (ClassroomLesson) with the generated client
/// proxies, against a server of its own on a free loopback port (platform and classroom modules), or against
/// the server at `--url`.
@main
struct KidlClassroom: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kidl-classroom",
        abstract: "Run a live class on a kidl server: a teacher, students, a raised hand, the end of the class.",
        discussion: """
            Without --url it serves the platform and classroom modules itself on 127.0.0.1 (a free port). With --url
            the server must serve the classroom module (idl/classroom).

            Examples:
              kidl-classroom
              kidl-classroom --students Ana,Bo,Chen,Dee --speaker Dee --question "Is Pluto a planet?"
            """)

    @Option(help: "A Kurento server to use instead of the built-in one, e.g. ws://127.0.0.1:8888/kurento.") var url: String?
    @Option(help: "The teacher's name.") var teacher = "Ms Rivera"
    @Option(help: "The students' names, comma-separated.") var students = "Ana,Bo,Chen"
    @Option(help: "The student who raises a hand (default: the second one).") var speaker: String?
    @Option(help: "The question asked.") var question = "Why is the sky blue?"

    func run() async throws {
        let lesson = Lesson(teacher: teacher, students: students.split(separator: ",").map(String.init), speaker: speaker,
                            question: question)
        do {
            try lesson.validate()
            let report: LessonReport
            if let url {
                report = try await Self.run(lesson, url: url)
            } else {
                report = try await Self.runWithOwnServer(lesson)
            }
            guard report.objectsLeft.isEmpty, !report.roomLeftOnServer else {
                throw LessonError(description: "objects left on the server after the class: \(report.objectsLeft)")
            }
            print("class over: every object released")
        } catch let error as KurentoError where error.code == 40108 && error.message.contains("Factory") {
            throw Failure("the server does not serve the classroom module (\(error.type): \(error.message))")
        } catch let error as KurentoError {
            throw Failure("the server answered \(error.code) \(error.type): \(error.message)")
        } catch let error as LessonError {
            throw Failure(error.description)
        }
    }

    /// Runs the lesson with a client of the server at `url`.
    static func run(_ lesson: Lesson, url: String) async throws -> LessonReport {
        var logger = Logger(label: "kidl-classroom")
        logger.logLevel = .warning
        let client: KurentoClient
        do {
            client = try await KurentoClient.connect(to: url, configuration: .init(logger: logger))
        } catch {
            throw Failure("cannot reach a Kurento server at \(url): \(error)")
        }
        do {
            let report = try await lesson.run(on: client) { print($0) }
            await client.close()
            return report
        } catch {
            await client.close()
            throw error
        }
    }

    /// Serves the platform and classroom modules on a free loopback port for the time of the lesson.
    static func runWithOwnServer(_ lesson: Lesson) async throws -> LessonReport {
        let core = KurentoServerCore(modules: [ClassroomPlugin.module])
        var logger = Logger(label: "kidl-classroom.server")
        logger.logLevel = .critical
        let server = KurentoWebSocketServer(handler: KurentoProtocolHandler(dispatcher: core.dispatcher),
                                            configuration: .init(host: "127.0.0.1", port: 0), logger: logger)
        return try await server.serving { port in
            print("serving the platform and classroom modules on ws://127.0.0.1:\(port)/kurento")
            return try await run(lesson, url: "ws://127.0.0.1:\(port)/kurento")
        }
    }
}

/// A failure reported to the user as one line, with exit status 1.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
