/// The view models the docs templates render. All Markdown is spelled here in Swift (links, anchors, escaping);
/// templates only place it. Property names are template variables; optional blocks are arrays of 0 or 1
/// elements, so that templates need no special cases.

struct DocsPageView {
    var header: String
    var name: String
    /// `- Version: `1.0.0`` … one line per fact.
    var facts: [String]
    var sections: [DocsSectionView]
}

/// Remote classes, records, enums or events of a module (only non-empty sections are listed).
struct DocsSectionView {
    var title: String
    var entries: [DocsEntryView]
}

/// A class, record, enum or event.
struct DocsEntryView {
    var anchor: String
    var name: String
    var facts: [String]
    /// The doc text as Markdown lines joined with newlines (0 or 1 element).
    var doc: [String]
    /// Fields, values or event properties: list items, each possibly several lines.
    var items: [String]
    var hasItems: Bool
    /// Constructor, properties and methods of a class.
    var members: [DocsMemberView]

    init(anchor: String, name: String, facts: [String], doc: [String], items: [String], members: [DocsMemberView]) {
        self.anchor = anchor
        self.name = name
        self.facts = facts
        self.doc = doc
        self.items = items
        self.hasItems = !items.isEmpty
        self.members = members
    }
}

struct DocsMemberView {
    var anchor: String
    /// Markdown after `#### `: ``Method `connect(sink, mediaType?)` ``.
    var heading: String
    var doc: [String]
    /// Params, return, type and access: list items, each possibly several lines.
    var items: [String]
    var hasItems: Bool

    init(anchor: String, heading: String, doc: [String], items: [String]) {
        self.anchor = anchor
        self.heading = heading
        self.doc = doc
        self.items = items
        self.hasItems = !items.isEmpty
    }
}

struct DocsIndexView {
    var header: String
    var rows: [String]
}
