"""Permissions of the current account on a supplier.

The desktop only shows these rules; the server enforces them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Account:
    """The signed-in account, as stored in ``local_account``."""

    profile_id: str
    organization_id: str | None
    role: str
    email: str | None = None


@dataclass(frozen=True)
class Permission:
    """Allowed actions on one supplier, with the reason when something is not."""

    can_edit: bool
    can_activate: bool
    can_delete: bool
    reason: str | None = None


OWNER_PERMISSION = Permission(can_edit=True, can_activate=True, can_delete=True)


def permission_for(
    account: Account | None, supplier_id: str, organization_id: str | None
) -> Permission:
    """Return what ``account`` may do with the supplier ``supplier_id``.

    With no account the workspace is local and the user owns everything.
    """
    if account is None:
        return OWNER_PERMISSION
    if account.organization_id != organization_id:
        return _read_only("This supplier belongs to another organisation.")
    if account.role in ("OWNER", "ADMIN"):
        return OWNER_PERMISSION
    if account.role == "MEMBER":
        if account.profile_id == supplier_id:
            return Permission(
                can_edit=True,
                can_activate=False,
                can_delete=False,
                reason="Members cannot activate, deactivate or delete suppliers.",
            )
        return _read_only("Members may edit only their own supplier.")
    return _read_only("Viewers can read suppliers but not change them.")


def can_create_suppliers(account: Account | None) -> bool:
    """Return whether ``account`` may add suppliers to its organisation."""
    return account is None or account.role in ("OWNER", "ADMIN")


def _read_only(reason: str) -> Permission:
    return Permission(
        can_edit=False, can_activate=False, can_delete=False, reason=reason
    )
