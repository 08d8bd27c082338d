"""Who may know a child's identity (Rule 3.2).

Reception enters children at admission and social workers keep the register; both read it,
in their own facilities. Every other role learns only whether she has children and how
many, never a name, a date of birth or a place.
"""

READ_IDENTITY = "register.view_child"
ADD_CHILD = "register.add_child"
CHANGE_CHILD = "register.change_child"


def can_read_child_identity(user) -> bool:
    return user.is_authenticated and user.has_perm(READ_IDENTITY)
