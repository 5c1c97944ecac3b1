"""The course's topic-graph engine: plain Python, no MkDocs imports.

Pipeline, in one direction: load topics -> build graph -> validate -> compute metrics -> export.
"""
