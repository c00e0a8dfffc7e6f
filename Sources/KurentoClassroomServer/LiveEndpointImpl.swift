import KurentoClassroom
import KurentoPlatform
import KurentoRuntime
import KurentoServer

/// `classroom.LiveEndpoint` without real media: who the participant is, the microphone switch, and the raised
/// hand, which raises `HandRaised` and `HandLowered`. Who feeds whom is plain `connect`/`disconnect`, inherited.
final class LiveEndpointImpl: EndpointBase, LiveEndpoint, @unchecked Sendable {
    let participant: String
    let role: ParticipantRole

    private struct State {
        var muted = false
        var handRaised = false
    }

    private let state = Locked(State())

    init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline, participant: String, role: ParticipantRole) async throws {
        guard !participant.allSatisfy(\.isWhitespace) else {
            throw KurentoError.illegalParam("'participant' must not be empty")
        }
        self.participant = participant
        self.role = role
        super.init(objectContext: objectContext)
    }

    func raiseHand(question: String) async throws {
        let wasUp = state.withLock { s in
            defer { s.handRaised = true }
            return s.handRaised
        }
        if !wasUp { emit(HandRaisedEvent(source: self, participant: participant, question: question)) }
    }

    func lowerHand() async throws {
        let wasUp = state.withLock { s in
            defer { s.handRaised = false }
            return s.handRaised
        }
        if wasUp { emit(HandLoweredEvent(source: self, participant: participant)) }
    }

    func isHandRaised() async throws -> Bool { state.withLock { $0.handRaised } }
    func getParticipant() async throws -> String { participant }
    func getRole() async throws -> ParticipantRole { role }
    func getMuted() async throws -> Bool { state.withLock { $0.muted } }
    func setMuted(_ value: Bool) async throws { state.withLock { $0.muted = value } }
}
