"""Starts Moto's server (python3 scripts/moto-server.py -H HOST -p PORT) with the fixes below.

Each fix makes Moto answer as AWS does where Moto 5.1.1 is wrong in a way that hides what a test
checks; each is a few lines, says which Moto call it fixes, and changes nothing else.
"""

import sys

from moto.rds.exceptions import DBSubnetGroupNotFoundError
from moto.rds.models import RDSBackend


def _modify_db_subnet_group(self, subnet_name, description, subnets):
    # Moto 5.1.1 (and 5.2.1) pops the group from its table and never puts it back, so a group
    # is gone after ModifyDBSubnetGroup (AWS keeps it, changed); an unknown name is a 500 there.
    group = self.subnet_groups.get(subnet_name)
    if group is None:
        raise DBSubnetGroupNotFoundError(subnet_name)
    group.subnets = subnets
    if description is not None:
        group.description = description
    return group


RDSBackend.modify_db_subnet_group = _modify_db_subnet_group

if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
