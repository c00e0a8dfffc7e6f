/// What a lesson saw on the server, step by step.
public struct LessonReport: Sendable, Equatable {
    /// A `HandRaised` event as the teacher's application received it.
    public struct HandRaise: Sendable, Equatable {
        public var participant: String
        public var question: String
        /// The id of the endpoint that raised it.
        public var source: String
    }

    public var roomID = ""
    /// Participants as the server names them (`getParticipant`), teacher first.
    public var joined: [String] = []
    /// For each participant, the sorted names of the participants whose media it receives.
    public var feedsAfterJoining: [String: [String]] = [:]
    public var feedsDuringTurn: [String: [String]] = [:]
    public var feedsAfterTurn: [String: [String]] = [:]
    public var handRaised: HandRaise?
    public var handLoweredBy: String?
    public var handStillRaised = true
    /// Whether `ServerManager.getPipelines` still listed the room after the class ended.
    public var roomLeftOnServer = true
    /// Endpoints that still answered after the class ended.
    public var objectsLeft: [String] = []
}
