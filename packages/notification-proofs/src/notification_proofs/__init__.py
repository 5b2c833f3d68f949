"""Proofs of notification: the Merkle log's hashing, signed checkpoints, bundle checks.

Self-contained (only `cryptography`): the platform uses it to build its log, and a
receiver installs it alone to check what the platform hands out.
"""
