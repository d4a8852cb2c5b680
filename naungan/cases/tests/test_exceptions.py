"""Every refusal of case management is declared in ``naungan.cases.exceptions`` and derives
from the one ``DomainError`` the API handler and the view helper turn into an answer."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from naungan.cases import exceptions, services
from naungan.core.exceptions import DomainError


def test_every_case_exception_derives_from_domain_error():
    declared = [
        obj
        for _name, obj in inspect.getmembers(exceptions, inspect.isclass)
        if issubclass(obj, Exception) and obj.__module__ == exceptions.__name__
    ]
    assert len(declared) > 10
    for cls in declared:
        assert issubclass(cls, exceptions.CaseError), cls
        assert issubclass(cls, DomainError), cls


def test_no_service_module_declares_an_exception_of_its_own():
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"{services.__name__}.{info.name}")
        own = [
            name
            for name, obj in inspect.getmembers(module, inspect.isclass)
            if issubclass(obj, BaseException) and obj.__module__ == module.__name__
        ]
        assert own == [], (module.__name__, own)
