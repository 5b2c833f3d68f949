"""Proof of notification: an append-only Merkle log of every step of a notification's life.

Life-cycle points call `notify.proofs.log` in the transaction of their state change; the
worker sequences new entries into the tree and signs a checkpoint at most every few
seconds (`sequencer`), re-hashes the log against every checkpoint (`monitor`) and purges
personal data past its retention (`purge`). The hashing and the checks are the
standalone `notification_proofs` package's, which receivers install alone. docs/proofs.md.
"""
