"""The troop component's vocabulary, read once from ``data/troops.json``.

One frozen bundle passed to plain functions: each step asks ``words.casualty``
rather than keeping its own copy of a list.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property



@dataclass(frozen=True)
class TroopWords:
    personnel_nouns: frozenset[str]
    qualified_personnel: dict[str, frozenset[str]]
    excluded_modifiers: frozenset[str]
    not_a_size: dict[str, frozenset[str]]
    force_nouns: frozenset[str]
    size_nouns: frozenset[str]
    level_verbs: frozenset[str]
    deploy_verbs: frozenset[str]
    increase_verbs: frozenset[str]
    decrease_verbs: frozenset[str]
    increase_markers_after: frozenset[str]
    increase_markers_before: frozenset[str]
    casualty_lemmas: frozenset[str]
    trained_lemmas: frozenset[str]
    plan_verbs: frozenset[str]
    plan_nouns: frozenset[str]
    ceiling_verbs: frozenset[str]
    money_words: frozenset[str]
    decrease_phrasal: frozenset[tuple[str, ...]]
    movement_verbs: frozenset[str]
    departure_verbs: frozenset[str]
    bystander_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    relocation_verbs: frozenset[str]
    decrease_nouns: frozenset[str]
    increase_nouns: frozenset[str]
    decrease_markers_after: frozenset[str]
    destination_preps: frozenset[str]
    allowed_modifiers: dict[str, frozenset[str]]
    state_verbs: frozenset[str]
    target_words: frozenset[str]
    organisation_nouns: frozenset[str]
    commitment_verbs: frozenset[str]
    decision_verbs: frozenset[str]
    deferral_verbs: frozenset[str]
    deployment_nouns: frozenset[str]
    plan_adjectives: frozenset[str]
    settled_words: frozenset[str]
    increase_phrasal: frozenset[tuple[str, ...]]
    addition_verbs: frozenset[str]
    carrying_verbs: frozenset[str]
    rise_verbs: frozenset[str]
    fall_verbs: frozenset[str]
    shrinking_verbs: frozenset[str]
    return_verbs: frozenset[str]
    promise_verbs: frozenset[str]
    sending_verbs: frozenset[str]
    callup_verbs: frozenset[str]
    reserve_nouns: frozenset[str]
    readiness_nouns: frozenset[str]
    readiness_adjectives: frozenset[str]
    pending_nouns: frozenset[str]
    directive_verbs: frozenset[str]
    contribution_verbs: frozenset[str]
    list_contributor_words: frozenset[str]
    list_unit_labels: frozenset[str]
    list_size_headers: frozenset[str]
    people_nouns: frozenset[str]
    exercise_nouns: frozenset[str]
    joint_words: frozenset[str]
    participation_verbs: frozenset[str]
    belonging_personnel: frozenset[str]
    national_personnel: frozenset[str]
    qualified_force_nouns: dict[str, frozenset[str]]
    statement_nouns: frozenset[str]
    guest_words: frozenset[str]

    @classmethod
    def from_table(cls, troops: dict) -> "TroopWords":
        values = {}
        for field in fields(cls):
            raw = troops[field.name]
            if field.name in ("qualified_personnel", "allowed_modifiers", "not_a_size", "qualified_force_nouns"):
                values[field.name] = {k: frozenset(v) for k, v in raw.items()}
            elif field.name in ("decrease_phrasal", "increase_phrasal"):
                values[field.name] = frozenset(tuple(p.split()) for p in raw)
            else:
                values[field.name] = frozenset(raw)
        return cls(**values)

    # Unions that kind and status read on every figure, built once per table.

    @cached_property
    def estimate_verbs(self) -> frozenset[str]:
        """What reports or believes: "is said to have", "is believed to keep"."""
        return self.reporting_verbs | self.belief_verbs

    @cached_property
    def planning_verbs(self) -> frozenset[str]:
        """What plans or promises a force ("plan", "pledge"): the content of either is not there yet."""
        return self.plan_verbs | self.promise_verbs

    @cached_property
    def pledging_verbs(self) -> frozenset[str]:
        """Plans, promises and commitments: "approved sending 500", "committed to deploying 200"."""
        return self.planning_verbs | self.commitment_verbs

    @cached_property
    def deciding_verbs(self) -> frozenset[str]:
        """Decisions, commitments, plans and deferrals: what governs a change noun ("approved the dispatch of
        3,000", "the deployment of 2,000 was postponed")."""
        return self.decision_verbs | self.commitment_verbs | self.plan_verbs | self.deferral_verbs

    @cached_property
    def change_nouns(self) -> frozenset[str]:
        """Deployments and changes: what a decision or a plan governs ("the dispatch of", "slated for withdrawal")."""
        return self.deployment_nouns | self.decrease_nouns | self.increase_nouns

    @cached_property
    def asking_verbs(self) -> frozenset[str]:
        """Plans and decisions: what asks for or announces a force ("requested 2,000", "announced 2,000")."""
        return self.plan_verbs | self.decision_verbs

    @cached_property
    def authorising_verbs(self) -> frozenset[str]:
        """Commitments and decisions: what authorises a force rather than states it."""
        return self.commitment_verbs | self.decision_verbs

    @cached_property
    def changing_verbs(self) -> frozenset[str]:
        """Verbs that change or move a force ("is withdrawing", "was increasing", "is moving", "is mobilising")."""
        return self.increase_verbs | self.decrease_verbs | self.movement_verbs | self.callup_verbs

    @cached_property
    def travel_verbs(self) -> frozenset[str]:
        """Moving or coming back: "are heading to the region", "returning to base"."""
        return self.movement_verbs | self.return_verbs

    @cached_property
    def directed_verbs(self) -> frozenset[str]:
        """What an order may direct a force to do: a move, or a plan ("to prepare for deployment")."""
        return self.departure_verbs | self.decrease_verbs | self.deploy_verbs | self.movement_verbs | self.plan_verbs

    @cached_property
    def steady_verbs(self) -> frozenset[str]:
        """What a change leaves or keeps, or a force does by leaving: not the change a subject names."""
        return self.state_verbs | self.level_verbs | self.departure_verbs

    @cached_property
    def lowering_verbs(self) -> frozenset[str]:
        """A cut made or a fall: "shrink by 3,000", "fell by 900"."""
        return self.decrease_verbs | self.fall_verbs

    @cached_property
    def raising_verbs(self) -> frozenset[str]:
        """An addition made or a rise: "boost by 500", "rises by 200"."""
        return self.increase_verbs | self.rise_verbs
