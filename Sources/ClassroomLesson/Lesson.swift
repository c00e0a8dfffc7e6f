import KurentoClassroomClient
import KurentoClient
import KurentoPlatformClient
import KurentoRuntime

/// The live-classroom scenario, on the generated client proxies of `idl/core` and `idl/classroom`: the teacher
/// opens a room (a pipeline) and publishes (a `LiveEndpoint`); each student joins with an endpoint fed by the
/// teacher's; a student raises a hand and is given the floor: their endpoint then feeds the teacher and every
/// other student (as in Kurento, a sink has one source per media type, so the class switches from the teacher to
/// the speaker); lowered again, the class is switched back to the teacher; the teacher ends the class, which
/// releases every object.
///
/// Who feeds whom is read back from the server (`getSourceConnections`) at each step, not assumed.
public struct Lesson: Sendable {
    public var teacher: String
    public var students: [String]
    /// The student who raises a hand.
    public var speaker: String
    public var question: String
    /// How long to wait for an event before giving up.
    public var eventTimeout: Duration

    public init(teacher: String = "Ms Rivera", students: [String] = ["Ana", "Bo", "Chen"], speaker: String? = nil,
                question: String = "Why is the sky blue?", eventTimeout: Duration = .seconds(10)) {
        self.teacher = teacher
        self.students = students
        self.speaker = speaker ?? (students.count > 1 ? students[1] : students.first ?? "")
        self.question = question
        self.eventTimeout = eventTimeout
    }

    /// Runs the lesson on `client`'s server; `log` gets one line per step.
    /// A lesson that fails half-way still releases its room (and so every endpoint in it) before it throws.
    public func run(on client: KurentoClient, log: @Sendable (String) -> Void = { _ in }) async throws -> LessonReport {
        try validate()
        let room = try await MediaPipeline.create(client)
        let hands = HandSignals(timeout: eventTimeout)
        do {
            return try await teach(in: room, hands: hands, client: client, log: log)
        } catch {
            try? await hands.stop()
            try? await room.release()
            throw error
        }
    }

    private func teach(in room: MediaPipeline, hands: HandSignals, client: KurentoClient,
                       log: @Sendable (String) -> Void) async throws -> LessonReport {
        var report = LessonReport()
        try await room.setName("classroom: \(teacher)")
        report.roomID = room.id
        log("\(teacher) opens the room \(room.id)")
        let teacherEndpoint = try await LiveEndpoint.create(client, mediaPipeline: room, participant: teacher, role: .teacher)
        log("\(teacher) publishes from \(teacherEndpoint.id)")
        var roster = Roster(teacher: (teacher, teacherEndpoint))

        for name in students {
            let student = try await LiveEndpoint.create(client, mediaPipeline: room, participant: name)
            try await hands.watch(student)
            try await teacherEndpoint.connect(sink: student)
            roster.students.append((name, student))
            log("\(name) joins and receives \(teacher)")
        }
        report.joined = try await roster.endpoints.asyncMap { try await $0.getParticipant() }
        report.feedsAfterJoining = try await roster.feeds()

        // The student asks from their screen; the teacher's application hears it as an event.
        guard let asking = roster.students.first(where: { $0.name == speaker })?.endpoint else {
            throw LessonError(description: "\(speaker) is not a student of this class")
        }
        try await asking.raiseHand(question: question)
        let raised = try await hands.nextRaised()
        report.handRaised = .init(participant: raised.participant, question: raised.question, source: raised.source.id)
        log("\(raised.participant) raises a hand: \"\(raised.question)\"")

        // The teacher gives the floor: the speaker's endpoint feeds the teacher and every other student.
        guard let speakerEndpoint = roster.endpoint(withID: raised.source.id) else {
            throw LessonError(description: "HandRaised came from \(raised.source.id), which is not in the class")
        }
        let listeners = roster.endpoints.filter { $0.id != speakerEndpoint.id }
        for listener in listeners { try await speakerEndpoint.connect(sink: listener) }
        report.feedsDuringTurn = try await roster.feeds()
        log("\(raised.participant) speaks to \(listeners.count) participants")

        // And hands it back: the speaker feeds nobody, the teacher feeds every student again.
        for listener in listeners { try await speakerEndpoint.disconnect(sink: listener) }
        for student in roster.students.map(\.endpoint) where student.id != speakerEndpoint.id {
            try await teacherEndpoint.connect(sink: student)
        }
        try await speakerEndpoint.lowerHand()
        let lowered = try await hands.nextLowered()
        report.handLoweredBy = lowered.participant
        report.handStillRaised = try await speakerEndpoint.isHandRaised()
        report.feedsAfterTurn = try await roster.feeds()
        log("\(lowered.participant) lowers the hand; everyone hears \(teacher) again")

        // The teacher ends the class: releasing the room releases every endpoint in it.
        try await hands.stop()
        try await room.release()
        let manager = ServerManager(client: client, id: KurentoClient.serverManagerID)
        report.roomLeftOnServer = try await manager.getPipelines().contains { $0.id == room.id }
        for endpoint in roster.endpoints where (try? await endpoint.getParticipant()) != nil {
            report.objectsLeft.append(endpoint.id)
        }
        log("\(teacher) ends the class: \(roster.endpoints.count + 1) objects released, \(report.objectsLeft.count) left")
        return report
    }

    /// Checks the cast before anything is created on a server.
    public func validate() throws {
        if teacher.isEmpty || students.contains(where: \.isEmpty) { throw LessonError(description: "participant names must not be empty") }
        if students.isEmpty { throw LessonError(description: "a class needs at least one student") }
        if Set(students + [teacher]).count != students.count + 1 { throw LessonError(description: "participant names must be unique") }
        if !students.contains(speaker) { throw LessonError(description: "\(speaker) is not a student of this class") }
    }
}

/// A lesson that cannot go on.
public struct LessonError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

extension Array {
    /// `map` with an async transform, in order.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
