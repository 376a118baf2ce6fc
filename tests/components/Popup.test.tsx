// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Popup } from '../../components/Popup';

describe('Popup', () => {
  it('renders a named main region', () => {
    render(<Popup />);
    expect(screen.getByRole('main', { name: 'Myth Lens' })).toBeTruthy();
  });
});
