"""The order in which a quiz shows its options.

Contributors tend to write the right answer first; shown in that order, the quiz would give it away.
Each question's options are shuffled with a seed made of the topic id and the question's number, so
the order differs from question to question but is the same on every build (a link to "option 3"
in a syllabus stays right).
"""

from __future__ import annotations

import random

from .model import Question, Topic


def shuffled_quiz(topic: Topic) -> tuple[Question, ...]:
    """The topic's questions, each with its options in their published order."""
    quiz = []
    for number, question in enumerate(topic.quiz):
        options = list(question.options)
        random.Random(f"{topic.id}:{number}").shuffle(options)  # str seeds are hashed stably (SHA-512)
        quiz.append(Question(question.question, tuple(options)))
    return tuple(quiz)
